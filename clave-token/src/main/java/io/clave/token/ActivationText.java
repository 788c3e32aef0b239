package io.clave.token;

import io.clave.otp.Base32;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The activation text the QR code holds and the page prints under it (docs/token-protocol.md §1):
 * {@code clave-token://activate?v=1&issuer=…&server=…&id=…&key=…}.
 *
 * <p>{@link #parse} checks every field and says which one is wrong. A repeated parameter is refused; a parameter
 * this version does not know is ignored, so that a server may add one without breaking older apps. The binding key
 * is a secret: {@link #toString()} leaves it out and no error message repeats it.
 */
public final class ActivationText {

    public static final String PREFIX = "clave-token://activate?";
    public static final String VERSION = "1";
    private static final int KEY_CHARACTERS = 26;
    private static final int KEY_BYTES = 16;

    private final String issuer;
    private final URI server;
    private final UUID activationId;
    private final String bindingKey;

    private ActivationText(String issuer, URI server, UUID activationId, String bindingKey) {
        this.issuer = issuer;
        this.server = server;
        this.activationId = activationId;
        this.bindingKey = bindingKey;
    }

    /** @throws IllegalArgumentException if a field is missing or malformed */
    public static ActivationText of(String issuer, URI server, UUID activationId, String bindingKey) {
        return new ActivationText(checkIssuer(issuer), checkServer(Objects.requireNonNull(server, "server").toString()),
                Objects.requireNonNull(activationId, "activationId"), checkKey(bindingKey));
    }

    /**
     * @throws InvalidActivationText naming the first field that is missing, repeated or malformed
     */
    public static ActivationText parse(String text) {
        if (text == null || !text.strip().startsWith(PREFIX)) {
            throw new InvalidActivationText("it does not start with " + PREFIX);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : text.strip().substring(PREFIX.length()).split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new InvalidActivationText("a parameter is not name=value");
            }
            String name = pair.substring(0, equals);
            String value;
            try {
                value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidActivationText("the parameter " + name + " is not URL-encoded correctly");
            }
            if (parameters.put(name, value) != null) {
                throw new InvalidActivationText("the parameter " + name + " appears twice");
            }
        }
        String version = required(parameters, "v");
        if (!version.equals(VERSION)) {
            throw new InvalidActivationText("version " + version + " is not supported (this app reads v=" + VERSION
                    + ")");
        }
        UUID id;
        try {
            String idText = required(parameters, "id");
            id = UUID.fromString(idText);
            if (!id.toString().equals(idText.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidActivationText("id is not a UUID");
        }
        return new ActivationText(checkIssuer(required(parameters, "issuer")),
                checkServer(required(parameters, "server")), id, checkKey(required(parameters, "key")));
    }

    public String issuer() {
        return issuer;
    }

    public URI server() {
        return server;
    }

    public UUID activationId() {
        return activationId;
    }

    public String bindingKey() {
        return bindingKey;
    }

    /** The text as the server writes it, parameters in the protocol's order, spaces as {@code %20}. */
    public String format() {
        return PREFIX + "v=" + VERSION + "&issuer=" + encode(issuer) + "&server=" + encode(server.toString())
                + "&id=" + activationId + "&key=" + bindingKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationText && ((ActivationText) other).format().equals(format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }

    @Override
    public String toString() {
        return "ActivationText[issuer=" + issuer + ", server=" + server + ", id=" + activationId + "]";
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidActivationText("the parameter " + name + " is missing");
        }
        return value;
    }

    private static String checkIssuer(String issuer) {
        if (issuer == null || issuer.isBlank() || issuer.length() > 100
                || issuer.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidActivationText("issuer must be 1 to 100 printable characters");
        }
        return issuer;
    }

    private static URI checkServer(String server) {
        try {
            URI uri = new URI(server);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                    || uri.getUserInfo() != null) {
                throw new InvalidActivationText("server must be an http or https URL with a host, no query");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidActivationText("server is not a URL");
        }
    }

    private static String checkKey(String key) {
        if (key == null || key.length() != KEY_CHARACTERS || !key.equals(key.toUpperCase(Locale.ROOT))) {
            throw new InvalidActivationText("key must be 26 upper-case Base32 characters");
        }
        byte[] decoded;
        try {
            decoded = Base32.decode(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidActivationText("key is not Base32 (A-Z, 2-7)");
        }
        if (decoded.length != KEY_BYTES) {
            throw new InvalidActivationText("key must hold 128 bits");
        }
        return key;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A text that is not a valid activation text; the message says which field and why, never the key. */
    public static final class InvalidActivationText extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidActivationText(String reason) {
            super("not a valid activation text: " + reason);
        }
    }
}
