package io.clave.token;

import io.clave.otp.HmacAlgorithm;
import io.clave.otp.OcraSuite;
import io.clave.otp.Totp;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The text form of one {@link Identity}: UTF-8 lines {@code key=value}, in a fixed order, after a comment line.
 * Text values are percent-encoded (UTF-8), bytes are Base64 (RFC 4648 §4, padded). See clave-token/README.md.
 */
final class IdentityFile {

    static final String FORMAT = "1";
    private static final String KDF = Crypto.KDF + "," + Crypto.ITERATIONS;
    private static final List<String> KEYS = List.of("format", "name", "issuer", "server", "tokenId", "totp",
            "signingSuite", "unlockSuite", "kdf", "installSalt", "vault", "challenge", "recovery", "wrongPins");

    private IdentityFile() {
    }

    static String write(Identity identity) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("format", FORMAT);
        values.put("name", text(identity.name()));
        values.put("issuer", text(identity.issuer()));
        values.put("server", text(identity.server().toString()));
        values.put("tokenId", identity.tokenId().toString());
        Totp totp = identity.totp();
        values.put("totp", totp.algorithm().name() + "," + totp.digits() + "," + totp.stepSeconds());
        values.put("signingSuite", identity.signingSuite().toString());
        values.put("unlockSuite", identity.unlockSuite().toString());
        values.put("kdf", KDF);
        values.put("installSalt", bytes(identity.installSalt()));
        values.put("vault", bytes(identity.vault()));
        values.put("challenge", identity.challenge());
        values.put("recovery", bytes(identity.recovery()));
        values.put("wrongPins", Integer.toString(identity.wrongPins()));
        StringBuilder out = new StringBuilder("# clave-token identity; the secrets are sealed (AES-256-GCM)\n");
        values.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    /** @throws IllegalArgumentException naming the first missing, repeated or malformed entry */
    static Identity read(String content) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : content.split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("a line without '='");
            }
            String key = line.substring(0, equals);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown entry '" + key + "'");
            }
            if (values.put(key, line.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("'" + key + "' appears twice");
            }
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("'" + key + "' is missing");
            }
        }
        if (!values.get("format").equals(FORMAT)) {
            throw new IllegalArgumentException("format " + values.get("format") + " is not " + FORMAT);
        }
        if (!values.get("kdf").equals(KDF)) {
            throw new IllegalArgumentException("kdf " + values.get("kdf") + " is not " + KDF);
        }
        String[] totp = values.get("totp").split(",", -1);
        if (totp.length != 3) {
            throw new IllegalArgumentException("totp is not algorithm,digits,period");
        }
        return new Identity(
                fromText(values.get("name")),
                fromText(values.get("issuer")),
                URI.create(fromText(values.get("server"))),
                UUID.fromString(values.get("tokenId")),
                Totp.builder().algorithm(HmacAlgorithm.fromName(totp[0])).digits(Integer.parseInt(totp[1]))
                        .stepSeconds(Long.parseLong(totp[2])).build(),
                OcraSuite.parse(values.get("signingSuite")),
                OcraSuite.parse(values.get("unlockSuite")),
                fromBytes(values.get("installSalt")),
                fromBytes(values.get("vault")),
                values.get("challenge"),
                fromBytes(values.get("recovery")),
                Integer.parseInt(values.get("wrongPins")));
    }

    private static String text(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String fromText(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String bytes(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }

    private static byte[] fromBytes(String value) {
        return Base64.getDecoder().decode(value);
    }
}
