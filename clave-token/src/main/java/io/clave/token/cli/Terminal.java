package io.clave.token.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Prompts and answers, line by line. With a console (a person at a terminal) PINs are read without echo; without
 * one (piped input, tests) every answer is a line of standard input.
 */
final class Terminal {

    private final BufferedReader in;
    private final PrintStream out;
    private final Console console;

    Terminal(BufferedReader in, PrintStream out, Console console) {
        this.in = in;
        this.out = out;
        this.console = console;
    }

    void say(String line) {
        out.println(line);
    }

    /** The next answer, stripped; empty when the input has ended. */
    Optional<String> ask(String prompt) {
        if (console != null) {
            return Optional.ofNullable(console.readLine("%s", prompt)).map(String::strip);
        }
        out.print(prompt);
        out.flush();
        try {
            return Optional.ofNullable(in.readLine()).map(String::strip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #ask} but without echo when a console is there. */
    Optional<String> askSecret(String prompt) {
        if (console != null) {
            return Optional.ofNullable(console.readPassword("%s", prompt)).map(String::new);
        }
        return ask(prompt);
    }
}
