package io.clave.token;

import io.clave.otp.Base32;
import io.clave.otp.HmacAlgorithm;
import io.clave.otp.OcraSuite;
import io.clave.otp.Totp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Completes an activation: {@code POST {server}/api/v1/token-activations/{id}} with the binding key, the SMS code
 * and the device's name (docs/token-protocol.md §2).
 *
 * <p>Every answer becomes an {@link ActivationResult}; a network failure or a timeout is a
 * {@link ActivationResult.Failed}, since for the person it is one more thing that can happen, not a bug.
 */
public final class ActivationClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final Duration timeout;

    public ActivationClient(HttpClient http, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A client with its own {@link HttpClient}, connecting and answering within {@code timeout}. */
    public static ActivationClient withTimeout(Duration timeout) {
        return new ActivationClient(HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build(), timeout);
    }

    public ActivationResult activate(ActivationText text, String activationCode, String deviceName) {
        if (activationCode == null || !activationCode.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("the activation code has 8 digits");
        }
        String body = new JSONObject()
                .put("bindingKey", text.bindingKey())
                .put("activationCode", activationCode)
                .put("deviceName", Objects.requireNonNull(deviceName, "deviceName"))
                .toString();
        HttpRequest request = HttpRequest.newBuilder(endpoint(text))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new ActivationResult.Failed("the server did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new ActivationResult.Failed("the server could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActivationResult.Failed("interrupted");
        }
        return toResult(text, response.statusCode(), response.body());
    }

    static URI endpoint(ActivationText text) {
        String base = text.server().toString();
        String slash = base.endsWith("/") ? "" : "/";
        return URI.create(base + slash + "api/v1/token-activations/" + text.activationId());
    }

    private static ActivationResult toResult(ActivationText text, int status, String body) {
        try {
            switch (status) {
                case 201:
                    return new ActivationResult.Activated(activatedToken(text, new JSONObject(body)));
                case 422: {
                    JSONObject problem = new JSONObject(body);
                    if (!"token.activation.code-wrong".equals(problem.optString("code"))) {
                        return unexpected(status, problem);
                    }
                    return new ActivationResult.WrongCode(problem.has("attemptsLeft")
                            ? OptionalInt.of(problem.getInt("attemptsLeft"))
                            : OptionalInt.empty());
                }
                case 410:
                    return new ActivationResult.Over();
                default:
                    return new ActivationResult.Failed("the server answered " + status);
            }
        } catch (JSONException | IllegalArgumentException e) {
            return new ActivationResult.Failed("the server's answer " + status + " does not follow the protocol: "
                    + e.getMessage());
        }
    }

    private static ActivationResult unexpected(int status, JSONObject problem) {
        return new ActivationResult.Failed("the server answered " + status + " " + problem.optString("code"));
    }

    private static ActivatedToken activatedToken(ActivationText text, JSONObject answer) {
        JSONObject totp = answer.getJSONObject("totp");
        OcraSuite signingSuite = OcraSuite.parse(answer.getString("signingSuite"));
        OcraSuite unlockSuite = OcraSuite.parse(answer.getString("unlockSuite"));
        if (signingSuite.questionFormat() != OcraSuite.QuestionFormat.NUMERIC
                || signingSuite.timeStepSeconds().isEmpty() || signingSuite.usesCounter()
                || signingSuite.passwordHash().isPresent() || signingSuite.sessionLength().isPresent()) {
            throw new IllegalArgumentException("the signing suite must take a numeric question and a time only");
        }
        if (unlockSuite.questionFormat() != OcraSuite.QuestionFormat.NUMERIC
                || unlockSuite.timeStepSeconds().isPresent() || unlockSuite.usesCounter()
                || unlockSuite.passwordHash().isPresent() || unlockSuite.sessionLength().isPresent()) {
            throw new IllegalArgumentException("the unlock suite must take a numeric question only");
        }
        byte[] seed = secret(answer, "seed");
        byte[] unlockSeed = secret(answer, "unlockSeed");
        try {
            return new ActivatedToken(
                    UUID.fromString(answer.getString("tokenId")),
                    answer.optString("issuer", text.issuer()),
                    text.server(),
                    Totp.builder()
                            .algorithm(HmacAlgorithm.fromName(totp.getString("algorithm")))
                            .digits(totp.getInt("digits"))
                            .stepSeconds(totp.getLong("period"))
                            .build(),
                    signingSuite,
                    unlockSuite,
                    new TokenSecrets(seed, unlockSeed));
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(unlockSeed, (byte) 0);
        }
    }

    private static byte[] secret(JSONObject answer, String field) {
        byte[] secret;
        try {
            secret = Base32.decode(answer.getString(field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not Base32");
        }
        if (secret.length < 16) {
            throw new IllegalArgumentException(field + " is shorter than 128 bits");
        }
        return secret;
    }
}
