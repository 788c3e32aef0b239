package io.clave.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.clave.otp.Base32;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivationClientTest {

    private static final UUID ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e");
    private static final UUID TOKEN_ID = UUID.fromString("1d2c3b4a-5e6f-4a1b-8c2d-3e4f5a6b7c8d");

    private HttpServer server;
    private final AtomicReference<Integer> status = new AtomicReference<>(201);
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private final ActivationClient client = ActivationClient.withTimeout(Duration.ofSeconds(2));

    @BeforeEach
    void startServer() throws IOException {
        answer.set(activated().toString());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    status.get() == 201 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void postsTheBindingKeyCodeAndDeviceAndReceivesTheToken() {
        ActivationResult result = client.activate(text(), "11934434", "Pixel 8 de María");

        assertThat(path.get()).isEqualTo("POST /api/v1/token-activations/" + ID + " application/json");
        JSONObject request = new JSONObject(received.get());
        assertThat(request.getString("bindingKey")).isEqualTo(ActivationTextTest.KEY);
        assertThat(request.getString("activationCode")).isEqualTo("11934434");
        assertThat(request.getString("deviceName")).isEqualTo("Pixel 8 de María");
        assertThat(result).isInstanceOfSatisfying(ActivationResult.Activated.class, activated -> {
            ActivatedToken token = activated.token();
            assertThat(token.tokenId()).isEqualTo(TOKEN_ID);
            assertThat(token.issuer()).isEqualTo("Banco Clave");
            assertThat(token.totp().digits()).isEqualTo(6);
            assertThat(token.totp().stepSeconds()).isEqualTo(30);
            assertThat(token.signingSuite()).isEqualTo(Fixtures.SIGNING_SUITE);
            assertThat(token.unlockSuite()).isEqualTo(Fixtures.UNLOCK_SUITE);
            assertThat(token.secrets().seed()).isEqualTo(Fixtures.SEED);
            assertThat(token.secrets().unlockSeed()).isEqualTo(Fixtures.UNLOCK_SEED);
            assertThat(token.toString()).doesNotContain(Base32.encodeWithoutPadding(Fixtures.SEED));
        });
    }

    @Test
    void aWrongCodeIsAValueWithTheAttemptsLeft() {
        status.set(422);
        answer.set("{\"type\":\"about:blank\",\"status\":422,\"code\":\"token.activation.code-wrong\","
                + "\"detail\":\"El código no es correcto\",\"attemptsLeft\":2}");

        assertThat(client.activate(text(), "00000000", "CLI")).isEqualTo(new ActivationResult.WrongCode(OptionalInt.of(2)));
    }

    @Test
    void anOverActivationIsAValue() {
        status.set(410);
        answer.set("{\"status\":410,\"code\":\"token.activation.over\",\"detail\":\"La activación ya no es válida\"}");

        assertThat(client.activate(text(), "11934434", "CLI")).isEqualTo(new ActivationResult.Over());
    }

    @Test
    void anyOtherAnswerIsAFailureWithAReason() {
        status.set(500);
        answer.set("oops");

        assertThat(client.activate(text(), "11934434", "CLI")).isInstanceOfSatisfying(ActivationResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("500"));
    }

    @Test
    void aCreatedAnswerThatBreaksTheProtocolIsAFailureThatDoesNotRepeatTheSeed() {
        answer.set(activated().put("signingSuite", "OCRA-1:HOTP-SHA1-6:QA08").toString());
        assertThat(client.activate(text(), "11934434", "CLI")).isInstanceOf(ActivationResult.Failed.class);

        answer.set(activated().put("seed", "NOT-BASE32!").toString());
        assertThat(client.activate(text(), "11934434", "CLI")).isInstanceOfSatisfying(ActivationResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("seed is not Base32").doesNotContain("NOT-BASE32"));
    }

    @Test
    void anUnreachableServerIsAFailure() {
        server.stop(0);

        assertThat(client.activate(text(), "11934434", "CLI")).isInstanceOf(ActivationResult.Failed.class);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsAFailure() throws IOException {
        server.stop(0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        ActivationClient impatient = ActivationClient.withTimeout(Duration.ofMillis(300));

        assertThat(impatient.activate(text(), "11934434", "CLI")).isInstanceOfSatisfying(
                ActivationResult.Failed.class, failed -> assertThat(failed.reason()).contains("did not answer"));
    }

    private ActivationText text() {
        return ActivationText.of("Banco Clave", URI.create("http://127.0.0.1:" + server.getAddress().getPort()), ID,
                ActivationTextTest.KEY);
    }

    static JSONObject activated() {
        return new JSONObject()
                .put("tokenId", TOKEN_ID.toString())
                .put("issuer", "Banco Clave")
                .put("seed", Base32.encodeWithoutPadding(Fixtures.SEED))
                .put("totp", new JSONObject().put("algorithm", "SHA1").put("digits", 6).put("period", 30))
                .put("signingSuite", Fixtures.SIGNING_SUITE.toString())
                .put("unlockSuite", Fixtures.UNLOCK_SUITE.toString())
                .put("unlockSeed", Base32.encodeWithoutPadding(Fixtures.UNLOCK_SEED));
    }
}
