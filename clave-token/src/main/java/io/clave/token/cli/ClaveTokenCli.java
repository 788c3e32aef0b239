package io.clave.token.cli;

import io.clave.token.ActivatedToken;
import io.clave.token.ActivationClient;
import io.clave.token.ActivationResult;
import io.clave.token.ActivationText;
import io.clave.token.Codes;
import io.clave.token.Crypto;
import io.clave.token.CurrentCode;
import io.clave.token.Identity;
import io.clave.token.IdentityStore;
import io.clave.token.PinAttempt;
import io.clave.token.PinCheck;
import io.clave.token.PinRules;
import io.clave.token.QrCodes;
import io.clave.token.TokenSecrets;
import io.clave.token.TokenVault;
import io.clave.token.Tokens;
import io.clave.token.Transaction;
import io.clave.token.UnlockAttempt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference command-line Token digital: {@code activate}, {@code code}, {@code sign}, {@code unlock},
 * {@code change-pin} and {@code list} over one folder of identities. Reads answers line by line from standard input,
 * so a person can type them and a script or test can pipe them; PINs are read without echo at a terminal.
 */
public final class ClaveTokenCli {

    private static final int PIN_TRIES = 3;
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "activate", Set.of("qr", "text", "name", "home", "device"),
            "code", Set.of("name", "home"),
            "sign", Set.of("amount", "to", "name", "home"),
            "unlock", Set.of("name", "home"),
            "change-pin", Set.of("name", "home"),
            "list", Set.of("home"));
    private static final String USAGE = String.join("\n",
            "Uso: java -jar clave-token.jar <comando> [opciones]",
            "  activate (--qr captura.png | --text 'clave-token://…') [--name NOMBRE] [--device NOMBRE]",
            "  code [--name NOMBRE]",
            "  sign --amount 125.50 --to 2200777888 [--name NOMBRE]",
            "  unlock [--name NOMBRE]",
            "  change-pin [--name NOMBRE]",
            "  list",
            "Todas aceptan --home CARPETA (por omisión ~/.clave-token).");

    private final Terminal terminal;
    private final PrintStream err;
    private final Clock clock;
    private final SecureRandom random;
    private final ActivationClient client;
    private final Path defaultHome;

    ClaveTokenCli(Terminal terminal, PrintStream err, Clock clock, SecureRandom random, ActivationClient client,
            Path defaultHome) {
        this.terminal = terminal;
        this.err = err;
        this.clock = clock;
        this.random = random;
        this.client = client;
        this.defaultHome = defaultHome;
    }

    public static void main(String[] args) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ClaveTokenCli cli = new ClaveTokenCli(new Terminal(in, System.out, System.console()), System.err,
                Clock.systemUTC(), new SecureRandom(), ActivationClient.withTimeout(ActivationClient.DEFAULT_TIMEOUT),
                Path.of(System.getProperty("user.home"), ".clave-token"));
        System.exit(cli.run(args));
    }

    /** Runs one command and returns its exit status (see {@link ExitCode}). */
    public int run(String... args) {
        Options options;
        try {
            options = Options.parse(args, OPTIONS);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return ExitCode.USAGE.status;
        }
        IdentityStore store = new IdentityStore(options.get("home").map(Path::of).orElse(defaultHome));
        Tokens tokens = new Tokens(store, new TokenVault(new Crypto(random), random), new PinRules());
        try {
            ExitCode exit = switch (options.command) {
                case "activate" -> activate(options, store, tokens);
                case "code" -> code(options, store, tokens);
                case "sign" -> sign(options, store, tokens);
                case "unlock" -> unlock(options, store, tokens);
                case "change-pin" -> changePin(options, store, tokens);
                default -> list(store);
            };
            return exit.status;
        } catch (IOException | UncheckedIOException e) {
            err.println("Error de almacenamiento: " + e.getMessage());
            return ExitCode.FAILURE.status;
        }
    }

    private ExitCode activate(Options options, IdentityStore store, Tokens tokens) throws IOException {
        if (options.get("qr").isPresent() == options.get("text").isPresent()) {
            err.println("Indica --qr captura.png o --text 'clave-token://…', uno de los dos.");
            return ExitCode.USAGE;
        }
        Optional<String> name = options.get("name");
        if (name.isPresent() && !Identity.isValidName(name.get())) {
            err.println("El nombre tiene de 1 a 40 letras, dígitos, espacios, '.', '_' o '-'.");
            return ExitCode.USAGE;
        }
        if (name.isPresent() && store.find(name.get()).isPresent()) {
            err.println("Ya hay una identidad llamada " + name.get() + ".");
            return ExitCode.NO_SUCH_IDENTITY;
        }
        ActivationText text;
        try {
            Optional<String> content = options.get("text").isPresent() ? options.get("text")
                    : QrCodes.read(Path.of(options.get("qr").get()));
            if (content.isEmpty()) {
                err.println("No se encontró un código QR en " + options.get("qr").get() + ".");
                return ExitCode.REFUSED;
            }
            text = ActivationText.parse(content.get());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.REFUSED;
        } catch (IOException e) {
            err.println("No se pudo leer la imagen: " + e.getMessage());
            return ExitCode.REFUSED;
        }
        terminal.say("Activación de " + text.issuer() + " en " + text.server());

        ActivatedToken token = null;
        while (token == null) {
            Optional<String> code = terminal.ask("Código de activación (8 dígitos, del SMS): ");
            if (code.isEmpty()) {
                return inputEnded();
            }
            if (!code.get().matches("[0-9]{8}")) {
                terminal.say("El código de activación tiene 8 dígitos.");
                continue;
            }
            ActivationResult result = client.activate(text, code.get(), options.get("device").orElse("clave-token CLI"));
            if (result instanceof ActivationResult.Activated activated) {
                token = activated.token();
            } else if (result instanceof ActivationResult.WrongCode wrong) {
                terminal.say("El código de activación no es correcto."
                        + (wrong.attemptsLeft().isPresent() ? " Intentos restantes: " + wrong.attemptsLeft().getAsInt()
                                : ""));
            } else if (result instanceof ActivationResult.Over) {
                err.println("La activación ya no es válida (caducó, ya se usó o se agotaron los intentos)."
                        + " Empieza una nueva en la banca web.");
                return ExitCode.ACTIVATION_REFUSED;
            } else {
                err.println("No se pudo completar la activación: " + ((ActivationResult.Failed) result).reason());
                return ExitCode.SERVER_FAILURE;
            }
        }

        try (TokenSecrets secrets = token.secrets()) {
            terminal.say("Token recibido. Crea un PIN de 4 dígitos (no cuatro iguales ni seguidos como 1234).");
            Optional<String> pin = newPin();
            if (pin.isEmpty()) {
                return ExitCode.REFUSED;
            }
            String identityName = name.isPresent() ? name.get() : askName(store, token.issuer()).orElse(null);
            if (identityName == null) {
                return ExitCode.REFUSED;
            }
            tokens.activate(identityName, token, pin.get(), pin.get());
            Identity identity = store.find(identityName).orElseThrow();
            CurrentCode first = new Codes(clock).current(identity, secrets);
            terminal.say("Identidad " + identityName + " activada.");
            terminal.say("Primer código: " + first.code() + " (válido " + first.secondsLeft() + " s)."
                    + " Escríbelo en la página para confirmar la activación.");
            return ExitCode.OK;
        }
    }

    private ExitCode code(Options options, IdentityStore store, Tokens tokens) throws IOException {
        Optional<Identity> identity = identity(options, store);
        if (identity.isEmpty()) {
            return ExitCode.NO_SUCH_IDENTITY;
        }
        Opening opening = open(identity.get(), tokens);
        if (opening.opened() == null) {
            return opening.refusal();
        }
        try (TokenSecrets secrets = opening.opened().secrets()) {
            CurrentCode code = new Codes(clock).current(opening.opened().identity(), secrets);
            terminal.say("Código: " + code.code() + " (válido " + code.secondsLeft() + " s)");
            return ExitCode.OK;
        }
    }

    private ExitCode sign(Options options, IdentityStore store, Tokens tokens) throws IOException {
        if (options.get("amount").isEmpty() || options.get("to").isEmpty()) {
            err.println("sign necesita --amount y --to.");
            return ExitCode.USAGE;
        }
        Transaction transaction;
        try {
            transaction = Transaction.of(options.get("amount").get(), options.get("to").get());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        Optional<Identity> identity = identity(options, store);
        if (identity.isEmpty()) {
            return ExitCode.NO_SUCH_IDENTITY;
        }
        terminal.say("Transferencia de $" + transaction.displayAmount() + " a la cuenta "
                + transaction.maskedDestination());
        Opening opening = open(identity.get(), tokens);
        if (opening.opened() == null) {
            return opening.refusal();
        }
        try (TokenSecrets secrets = opening.opened().secrets()) {
            terminal.say("Código de firma: " + new Codes(clock).sign(opening.opened().identity(), secrets, transaction)
                    + " (solo para esta transferencia, válido 2 minutos)");
            return ExitCode.OK;
        }
    }

    private ExitCode unlock(Options options, IdentityStore store, Tokens tokens) throws IOException {
        Optional<Identity> identity = identity(options, store);
        if (identity.isEmpty()) {
            return ExitCode.NO_SUCH_IDENTITY;
        }
        if (!identity.get().locked()) {
            terminal.say(identity.get().name() + " no está bloqueada; usa tu PIN.");
            return ExitCode.OK;
        }
        terminal.say("Desafío de desbloqueo: " + identity.get().challenge());
        terminal.say("En la banca web elige desbloquear el Token digital, escribe este desafío y la clave temporal"
                + " del SMS; la página te da el código de desbloqueo.");
        Optional<String> code = terminal.ask("Código de desbloqueo: ");
        if (code.isEmpty()) {
            return inputEnded();
        }
        UnlockAttempt attempt = tokens.unlock(identity.get(), code.get());
        if (!(attempt instanceof UnlockAttempt.Unlocked unlocked)) {
            err.println("El código de desbloqueo no es correcto para el desafío " + identity.get().challenge() + ".");
            return ExitCode.REFUSED;
        }
        try (TokenSecrets secrets = unlocked.secrets()) {
            terminal.say("Código correcto. Crea un PIN nuevo (no el anterior).");
            return replacePin(tokens, unlocked.identity(), secrets, "Token desbloqueado con el PIN nuevo.");
        }
    }

    private ExitCode changePin(Options options, IdentityStore store, Tokens tokens) throws IOException {
        Optional<Identity> identity = identity(options, store);
        if (identity.isEmpty()) {
            return ExitCode.NO_SUCH_IDENTITY;
        }
        Opening opening = open(identity.get(), tokens);
        if (opening.opened() == null) {
            return opening.refusal();
        }
        try (TokenSecrets secrets = opening.opened().secrets()) {
            return replacePin(tokens, opening.opened().identity(), secrets, "PIN cambiado.");
        }
    }

    private ExitCode list(IdentityStore store) throws IOException {
        List<Identity> identities = store.list();
        if (identities.isEmpty()) {
            terminal.say("No hay identidades en " + store.folder() + ". Activa una con: activate --qr captura.png");
        }
        for (Identity identity : identities) {
            terminal.say(identity.name() + "  (" + identity.issuer() + ")  "
                    + (identity.locked() ? "BLOQUEADA, desafío " + identity.challenge() : "activa"));
        }
        return ExitCode.OK;
    }

    private ExitCode replacePin(Tokens tokens, Identity identity, TokenSecrets secrets, String done)
            throws IOException {
        for (int i = 0; i < PIN_TRIES; i++) {
            Optional<String> pin = terminal.askSecret("PIN nuevo: ");
            Optional<String> confirmation = pin.isEmpty() ? Optional.empty() : terminal.askSecret("Repite el PIN: ");
            if (confirmation.isEmpty()) {
                return inputEnded();
            }
            PinCheck check = tokens.setNewPin(identity, secrets, pin.get(), confirmation.get());
            if (check == PinCheck.ACCEPTED) {
                terminal.say(done);
                return ExitCode.OK;
            }
            terminal.say(explain(check));
        }
        err.println("PIN no cambiado.");
        return ExitCode.REFUSED;
    }

    /** A new PIN typed twice that passes the rules, within {@link #PIN_TRIES} tries. */
    private Optional<String> newPin() {
        PinRules rules = new PinRules();
        for (int i = 0; i < PIN_TRIES; i++) {
            Optional<String> pin = terminal.askSecret("PIN nuevo: ");
            Optional<String> confirmation = pin.isEmpty() ? Optional.empty() : terminal.askSecret("Repite el PIN: ");
            if (confirmation.isEmpty()) {
                inputEnded();
                return Optional.empty();
            }
            PinCheck check = rules.check(pin.get(), confirmation.get());
            if (check == PinCheck.ACCEPTED) {
                return pin;
            }
            terminal.say(explain(check));
        }
        err.println("PIN no creado; la activación no se guardó. Empieza una nueva en la banca web.");
        return Optional.empty();
    }

    private Optional<String> askName(IdentityStore store, String issuer) throws IOException {
        String proposal = Identity.isValidName(issuer) ? issuer : null;
        for (int i = 0; i < PIN_TRIES; i++) {
            Optional<String> answer = terminal.ask("Nombre para esta identidad"
                    + (proposal != null ? " [" + proposal + "]" : "") + ": ");
            if (answer.isEmpty()) {
                inputEnded();
                return Optional.empty();
            }
            String name = answer.get().isEmpty() && proposal != null ? proposal : answer.get();
            if (!Identity.isValidName(name)) {
                terminal.say("El nombre tiene de 1 a 40 letras, dígitos, espacios, '.', '_' o '-'.");
            } else if (store.find(name).isPresent()) {
                terminal.say("Ya hay una identidad llamada " + name + ".");
            } else {
                return Optional.of(name);
            }
        }
        err.println("Sin nombre, la activación no se guardó.");
        return Optional.empty();
    }

    /** The identity opened with the PIN, or why not (already said to the person). */
    private record Opening(PinAttempt.Opened opened, ExitCode refusal) {
    }

    /** Asks the PIN once, unless the identity is locked. */
    private Opening open(Identity identity, Tokens tokens) throws IOException {
        if (identity.locked()) {
            return new Opening(null, locked(identity.challenge()));
        }
        Optional<String> pin = terminal.askSecret("PIN de " + identity.name() + ": ");
        if (pin.isEmpty()) {
            return new Opening(null, inputEnded());
        }
        PinAttempt attempt = tokens.usePin(identity, pin.get());
        if (attempt instanceof PinAttempt.Opened opened) {
            return new Opening(opened, ExitCode.OK);
        }
        if (attempt instanceof PinAttempt.WrongPin wrong) {
            err.println("PIN incorrecto. Te quedan " + wrong.pinsLeft() + " intentos antes del bloqueo.");
            return new Opening(null, ExitCode.WRONG_PIN);
        }
        return new Opening(null, locked(((PinAttempt.Locked) attempt).challenge()));
    }

    private ExitCode locked(String challenge) {
        err.println("El Token digital está bloqueado por " + Identity.MAX_WRONG_PINS + " PIN incorrectos.");
        err.println("Desafío de desbloqueo: " + challenge + " (ejecuta: unlock)");
        return ExitCode.LOCKED;
    }

    private Optional<Identity> identity(Options options, IdentityStore store) throws IOException {
        if (options.get("name").isPresent()) {
            Optional<Identity> identity = store.find(options.get("name").get());
            if (identity.isEmpty()) {
                err.println("No hay una identidad llamada " + options.get("name").get() + ".");
            }
            return identity;
        }
        List<Identity> identities = store.list();
        if (identities.size() == 1) {
            return Optional.of(identities.get(0));
        }
        err.println(identities.isEmpty()
                ? "No hay identidades en " + store.folder() + ". Activa una con: activate --qr captura.png"
                : "Hay varias identidades; elige una con --name: "
                        + identities.stream().map(Identity::name).toList());
        return Optional.empty();
    }

    private ExitCode inputEnded() {
        err.println("La entrada terminó antes de tiempo.");
        return ExitCode.REFUSED;
    }

    private static String explain(PinCheck check) {
        return switch (check) {
            case NOT_FOUR_DIGITS -> "El PIN tiene exactamente 4 dígitos.";
            case FOUR_EQUAL_DIGITS -> "El PIN no puede tener cuatro dígitos iguales.";
            case RUN_OF_DIGITS -> "El PIN no puede ser una serie seguida (1234, 4321, 7890…).";
            case SAME_AS_PREVIOUS -> "El PIN nuevo no puede ser el anterior.";
            case CONFIRMATION_DIFFERS -> "Los dos PIN no coinciden.";
            case ACCEPTED -> "PIN aceptado.";
        };
    }
}
