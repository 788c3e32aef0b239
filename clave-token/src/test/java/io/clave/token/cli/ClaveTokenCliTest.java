package io.clave.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.clave.otp.Base32;
import io.clave.otp.Ocra;
import io.clave.otp.OcraInput;
import io.clave.otp.OcraSuite;
import io.clave.otp.Totp;
import io.clave.token.ActivationClient;
import io.clave.token.ActivationText;
import io.clave.token.QrCodes;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line app end to end: piped answers, a temporary home, a fake server on 127.0.0.1. */
class ClaveTokenCliTest {

    private static final Instant NOW = Instant.parse("2026-03-14T15:09:26Z");
    private static final byte[] SEED = new byte[20];
    private static final byte[] UNLOCK_SEED = new byte[32];
    private static final OcraSuite SIGNING = OcraSuite.parse("OCRA-1:HOTP-SHA256-8:QN32-T1M");
    private static final OcraSuite UNLOCK = OcraSuite.parse("OCRA-1:HOTP-SHA256-8:QN08");
    private static final String SMS_CODE = "11934434";

    static {
        new SecureRandom().nextBytes(SEED);
        new SecureRandom().nextBytes(UNLOCK_SEED);
    }

    @TempDir
    Path home;

    private HttpServer server;
    private ByteArrayOutputStream errors = new ByteArrayOutputStream();

    @BeforeEach
    void startFakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/token-activations/", exchange -> {
            JSONObject request = new JSONObject(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            boolean right = request.getString("activationCode").equals(SMS_CODE);
            JSONObject answer = right
                    ? new JSONObject().put("tokenId", UUID.randomUUID().toString()).put("issuer", "PRODUBANCO")
                            .put("seed", Base32.encodeWithoutPadding(SEED))
                            .put("totp", new JSONObject().put("algorithm", "SHA1").put("digits", 6).put("period", 30))
                            .put("signingSuite", SIGNING.toString()).put("unlockSuite", UNLOCK.toString())
                            .put("unlockSeed", Base32.encodeWithoutPadding(UNLOCK_SEED))
                    : new JSONObject().put("status", 422).put("code", "token.activation.code-wrong")
                            .put("attemptsLeft", 2);
            byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(right ? 201 : 422, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopFakeServer() {
        server.stop(0);
    }

    @Test
    void activatesFromAScreenshotThenGivesCodesLocksAndUnlocks() throws IOException {
        Path png = home.resolve("captura.png");
        QrCodes.writePng(activationText(), 300, png);

        String activation = run("12345678\n" + SMS_CODE + "\n1234\n1234\n1357\n1375\n1357\n1357\n\n",
                "activate", "--qr", png.toString(), "--home", home.toString());
        assertThat(activation)
                .contains("Activación de PRODUBANCO")
                .contains("El código de activación no es correcto. Intentos restantes: 2")
                .contains("El PIN no puede ser una serie seguida")
                .contains("Los dos PIN no coinciden")
                .contains("Identidad PRODUBANCO activada.")
                .contains("Primer código: " + totp(NOW) + " (válido 4 s)");
        assertThat(home.resolve("PRODUBANCO.token")).exists();

        assertThat(run("1357\n", "code", "--home", home.toString())).contains("Código: " + totp(NOW) + " (válido 4 s)");

        String signing = run("1357\n", "sign", "--amount", "125.50", "--to", "2200777888", "--home", home.toString());
        assertThat(signing).contains("Transferencia de $125.50 a la cuenta ******7888")
                .contains("Código de firma: " + Ocra.generate(SIGNING, SEED,
                        OcraInput.builder("00000000002200777888000000012550").timestamp(NOW.getEpochSecond() / 60)
                                .build()))
                .doesNotContain("2200777888");

        assertThat(status("0000\n", "code", "--home", home.toString())).isEqualTo(ExitCode.WRONG_PIN.status);
        assertThat(err()).contains("Te quedan 2 intentos");
        assertThat(status("0000\n", "code", "--home", home.toString())).isEqualTo(ExitCode.WRONG_PIN.status);
        assertThat(status("0000\n", "code", "--home", home.toString())).isEqualTo(ExitCode.LOCKED.status);
        String challenge = challengeIn(err());

        assertThat(status("1357\n", "code", "--home", home.toString())).as("the right PIN, once locked")
                .isEqualTo(ExitCode.LOCKED.status);
        assertThat(run("", "list", "--home", home.toString())).contains("PRODUBANCO  (PRODUBANCO)  BLOQUEADA, desafío "
                + challenge);

        assertThat(status("00000000\n", "unlock", "--home", home.toString())).isEqualTo(ExitCode.REFUSED.status);
        String unlocking = run(unlockCode(challenge) + "\n1357\n1357\n2580\n2580\n", "unlock", "--home",
                home.toString());
        assertThat(unlocking).contains("Desafío de desbloqueo: " + challenge)
                .contains("El PIN nuevo no puede ser el anterior.")
                .contains("Token desbloqueado con el PIN nuevo.");

        assertThat(run("2580\n", "code", "--home", home.toString())).contains("Código: " + totp(NOW));
        assertThat(status("1357\n", "code", "--home", home.toString())).isEqualTo(ExitCode.WRONG_PIN.status);
    }

    @Test
    void activatesFromTheTextUnderTheQrAndChangesThePin() throws IOException {
        run(SMS_CODE + "\n1357\n1357\n", "activate", "--text", activationText(), "--name", "Mi banco",
                "--home", home.toString());

        String change = run("1357\n1357\n1357\n9999\n9999\n8024\n8024\n", "change-pin", "--name", "Mi banco",
                "--home", home.toString());
        assertThat(change).contains("El PIN nuevo no puede ser el anterior.")
                .contains("cuatro dígitos iguales").contains("PIN cambiado.");
        assertThat(run("8024\n", "code", "--name", "Mi banco", "--home", home.toString())).contains("Código: ");
    }

    @Test
    void refusesAnUnreadableActivationAndUnknownCommands() {
        assertThat(status("", "activate", "--text", "clave-token://activate?v=2", "--home", home.toString()))
                .isEqualTo(ExitCode.REFUSED.status);
        assertThat(err()).contains("not a valid activation text");
        assertThat(status("", "fly")).isEqualTo(ExitCode.USAGE.status);
        assertThat(status("", "code", "--home", home.toString())).isEqualTo(ExitCode.NO_SUCH_IDENTITY.status);
    }

    @Test
    void neverPrintsASecret() throws IOException {
        String all = run(SMS_CODE + "\n1357\n1357\n\n", "activate", "--text", activationText(), "--home",
                home.toString()) + err() + run("", "list", "--home", home.toString());

        assertThat(all).doesNotContain(Base32.encodeWithoutPadding(SEED))
                .doesNotContain(Base32.encodeWithoutPadding(UNLOCK_SEED))
                .doesNotContain(bindingKey());
        assertThat(Files.readString(home.resolve("PRODUBANCO.token")))
                .doesNotContain(Base32.encodeWithoutPadding(SEED));
    }

    private String err() {
        return errors.toString(StandardCharsets.UTF_8);
    }

    private String run(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = cli(input, out).run(args);
        assertThat(status).as("exit status; stderr: %s", err()).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private int status(String input, String... args) {
        return cli(input, new ByteArrayOutputStream()).run(args);
    }

    private ClaveTokenCli cli(String input, ByteArrayOutputStream out) {
        errors = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(errors, true, StandardCharsets.UTF_8);
        return new ClaveTokenCli(
                new Terminal(new BufferedReader(new StringReader(input)), new PrintStream(out, true,
                        StandardCharsets.UTF_8), null),
                errStream, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom(),
                ActivationClient.withTimeout(Duration.ofSeconds(5)), home.resolve("unused"));
    }

    private String activationText() {
        return ActivationText.of("PRODUBANCO", URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                UUID.randomUUID(), bindingKey()).format();
    }

    private static String bindingKey() {
        return "INWGC5TFEB2G623FNYQGWZLZEE";
    }

    private static String totp(Instant at) {
        return Totp.defaults().generate(SEED, at);
    }

    private static String unlockCode(String challenge) {
        return Ocra.generate(UNLOCK, UNLOCK_SEED, OcraInput.builder(challenge).build());
    }

    private static String challengeIn(String text) {
        Matcher matcher = Pattern.compile("Desafío de desbloqueo: ([0-9]{8})").matcher(text);
        assertThat(matcher.find()).as("a challenge in: %s", text).isTrue();
        return matcher.group(1);
    }
}
