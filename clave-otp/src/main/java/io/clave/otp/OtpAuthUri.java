package io.clave.otp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code otpauth://totp/} URI in the Key Uri Format that authenticator apps read from a QR
 * code, e.g.
 * {@code otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDM...&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30}.
 *
 * <p>Enrolment hands the secret to the user's app through this URI, so building it correctly
 * (issuer both as label prefix and as parameter, Base32 without padding, RFC 3986 percent-encoding
 * with {@code %20} for spaces) decides whether the app shows the right name and computes the
 * right codes. Note that several apps ignore {@code algorithm}, {@code digits} and
 * {@code period}; SHA1, 6 digits and 30 seconds are the only values that work everywhere.
 *
 * <p>Only TOTP is supported, and an issuer is required, because that is what this platform
 * enrols. Parsing accepts the issuer from the parameter or from the label prefix (and refuses the
 * two if they differ), the {@code %3A} form of the separator, spaces after it, a lower-case or
 * padded secret, and {@code +} for a space in parameter values as form encoders write it; it
 * ignores parameters it does not know, such as {@code image}.
 *
 * <p>{@link #toString()} leaves the secret out, so that logging the object does not log the key;
 * {@link #toUriString()} gives the URI itself.
 */
public final class OtpAuthUri {

    private static final String PREFIX = "otpauth://";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String issuer;
    private final String account;
    private final byte[] secret;
    private final Totp totp;

    private OtpAuthUri(String issuer, String account, byte[] secret, Totp totp) {
        this.issuer = issuer;
        this.account = account;
        this.secret = secret;
        this.totp = totp;
    }

    /**
     * @param issuer the bank or service name shown in the app; not empty, no colon
     * @param account the user's name shown in the app; not empty, no colon, no leading space
     *     (apps drop spaces after the issuer's colon)
     * @param secret the shared secret, not empty
     * @param totp the configuration; its T0 must be the epoch, since the URI cannot carry another
     * @throws IllegalArgumentException if an argument breaks those rules
     */
    public static OtpAuthUri of(String issuer, String account, byte[] secret, Totp totp) {
        checkLabelPart("issuer", issuer);
        checkLabelPart("account", account);
        if (account.startsWith(" ")) {
            throw new IllegalArgumentException("account must not start with a space");
        }
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(totp, "totp");
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        if (!totp.t0().equals(Instant.EPOCH)) {
            throw new IllegalArgumentException("an otpauth URI cannot carry T0 " + totp.t0());
        }
        return new OtpAuthUri(issuer, account, secret.clone(), totp);
    }

    /** @throws IllegalArgumentException if {@code uri} is not an otpauth TOTP URI this class accepts */
    public static OtpAuthUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("not an otpauth URI");
        }
        int fragment = uri.indexOf('#');
        String rest = uri.substring(PREFIX.length(), fragment < 0 ? uri.length() : fragment);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("otpauth URI has no label");
        }
        String type = rest.substring(0, slash);
        if (!type.equalsIgnoreCase("totp")) {
            throw new IllegalArgumentException("unsupported otpauth type: " + type);
        }
        int query = rest.indexOf('?', slash);
        String label = decode(rest.substring(slash + 1, query < 0 ? rest.length() : query), false);
        Map<String, String> parameters = parameters(query < 0 ? "" : rest.substring(query + 1));

        String labelIssuer = null;
        String account = label;
        int colon = label.indexOf(':');
        if (colon >= 0) {
            labelIssuer = label.substring(0, colon);
            account = label.substring(colon + 1);
            while (account.startsWith(" ")) {
                account = account.substring(1);
            }
        }
        String issuer = parameters.get("issuer");
        if (issuer != null && labelIssuer != null && !issuer.equals(labelIssuer)) {
            throw new IllegalArgumentException(
                    "issuer parameter '" + issuer + "' differs from label prefix '" + labelIssuer + "'");
        }
        if (issuer == null) {
            issuer = labelIssuer;
        }
        if (issuer == null) {
            throw new IllegalArgumentException("otpauth URI names no issuer");
        }

        String secret = parameters.get("secret");
        if (secret == null) {
            throw new IllegalArgumentException("otpauth URI has no secret");
        }
        Totp.Builder totp = Totp.builder();
        String algorithm = parameters.get("algorithm");
        if (algorithm != null) {
            totp.algorithm(HmacAlgorithm.fromName(algorithm));
        }
        String digits = parameters.get("digits");
        if (digits != null) {
            totp.digits((int) number("digits", digits, 2));
        }
        String period = parameters.get("period");
        if (period != null) {
            totp.stepSeconds(number("period", period, 9));
        }
        return of(issuer, account, Base32.decode(secret), totp.build());
    }

    public String issuer() {
        return issuer;
    }

    public String account() {
        return account;
    }

    /** A copy of the shared secret. */
    public byte[] secret() {
        return secret.clone();
    }

    public Totp totp() {
        return totp;
    }

    /** The URI, with the secret in it. */
    public String toUriString() {
        StringBuilder out = new StringBuilder(PREFIX).append("totp/");
        encode(out, issuer);
        out.append(':');
        encode(out, account);
        out.append("?secret=").append(Base32.encodeWithoutPadding(secret));
        out.append("&issuer=");
        encode(out, issuer);
        out.append("&algorithm=").append(totp.algorithm().name());
        out.append("&digits=").append(totp.digits());
        out.append("&period=").append(totp.stepSeconds());
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof OtpAuthUri)) {
            return false;
        }
        OtpAuthUri that = (OtpAuthUri) other;
        return issuer.equals(that.issuer) && account.equals(that.account)
                && Arrays.equals(secret, that.secret) && totp.equals(that.totp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, account, totp);
    }

    /** Issuer, account and configuration, never the secret. */
    @Override
    public String toString() {
        return "OtpAuthUri[" + issuer + ":" + account + ", " + totp + "]";
    }

    private static void checkLabelPart(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a colon: " + value);
        }
    }

    private static long number(String name, String value, int maxLength) {
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException("invalid " + name + ": " + value);
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new IllegalArgumentException("invalid " + name + ": " + value);
            }
        }
        return Long.parseLong(value);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("a parameter has no '='");
            }
            String name = decode(pair.substring(0, equals), true);
            String value = decode(pair.substring(equals + 1), true);
            if (parameters.put(name, value) != null) {
                throw new IllegalArgumentException("parameter given twice: " + name);
            }
        }
        return parameters;
    }

    private static void encode(StringBuilder out, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0f]);
            }
        }
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String decode(String text, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%') {
                int high = i + 2 < text.length() ? hexDigit(text.charAt(i + 1)) : -1;
                int low = i + 2 < text.length() ? hexDigit(text.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("invalid percent-encoding at index " + i);
                }
                bytes.write(high << 4 | low);
                i += 3;
            } else {
                int end = text.indexOf('%', i);
                if (end < 0) {
                    end = text.length();
                }
                String run = text.substring(i, end);
                if (plusIsSpace) {
                    run = run.replace('+', ' ');
                }
                byte[] utf8 = run.getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded text is not UTF-8", e);
        }
    }
}
