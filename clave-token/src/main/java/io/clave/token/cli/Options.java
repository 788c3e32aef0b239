package io.clave.token.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command and its {@code --option value} pairs; each option once, each with a value. */
final class Options {

    final String command;
    private final Map<String, String> values;

    private Options(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /** @throws IllegalArgumentException with the message for the person */
    static Options parse(String[] args, Map<String, Set<String>> optionsByCommand) {
        if (args.length == 0) {
            throw new IllegalArgumentException("falta el comando");
        }
        String command = args[0];
        Set<String> allowed = optionsByCommand.get(command);
        if (allowed == null) {
            throw new IllegalArgumentException("comando desconocido: " + command);
        }
        Map<String, String> values = new HashMap<>();
        List<String> rest = List.of(args).subList(1, args.length);
        for (int i = 0; i < rest.size(); i += 2) {
            String option = rest.get(i);
            if (!option.startsWith("--") || !allowed.contains(option.substring(2))) {
                throw new IllegalArgumentException("opción desconocida para " + command + ": " + option);
            }
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException("falta el valor de " + option);
            }
            if (values.put(option.substring(2), rest.get(i + 1)) != null) {
                throw new IllegalArgumentException(option + " aparece dos veces");
            }
        }
        return new Options(command, values);
    }

    Optional<String> get(String option) {
        return Optional.ofNullable(values.get(option));
    }
}
