package io.clave.otp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * OCRA, the OATH challenge-response algorithm of RFC 6287.
 *
 * <p>OCRA binds a response to a challenge and optionally to a counter, a PIN, a session and the
 * time. With a question derived from the amount and payee it gives the transaction signing that
 * PSD2 dynamic linking asks for, which plain TOTP cannot.
 *
 * <p>The MAC input is {@code suite || 0x00 || C || Q || P || S || T} (RFC 6287 §5.1), with Q
 * right-padded to 128 bytes. A numeric question is converted as the RFC's reference code does:
 * the decimal number is written in hexadecimal, that text is padded with '0' characters to 256,
 * and only then decoded. When the hexadecimal form has an odd number of digits this shifts it by
 * half a byte compared with padding the decoded bytes, and only the reference behaviour
 * reproduces the RFC's test vectors. A hexadecimal question is padded the same way.
 */
public final class Ocra {

    private static final int QUESTION_BYTES = 128;

    private Ocra() {
    }

    /**
     * The response to {@code input} under {@code suite}.
     *
     * @throws IllegalArgumentException if the input lacks something the suite requires, has
     *     something it does not, or a question or password hash that does not fit the suite
     */
    public static String generate(OcraSuite suite, byte[] key, OcraInput input) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(input, "input");
        byte[] hmac = suite.algorithm().mac(key, dataInput(suite, input));
        return Hotp.format(Hotp.truncate(hmac), suite.digits());
    }

    /**
     * Whether {@code response} is the response to {@code input}, compared in constant time.
     *
     * @throws IllegalArgumentException as {@link #generate} does
     */
    public static boolean verify(OcraSuite suite, byte[] key, OcraInput input, CharSequence response) {
        Objects.requireNonNull(response, "response");
        return ConstantTime.equals(generate(suite, key, input), response);
    }

    static byte[] dataInput(OcraSuite suite, OcraInput input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] suiteBytes = suite.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(suiteBytes, 0, suiteBytes.length);
        out.write(0);

        if (suite.usesCounter() != input.hasCounter()) {
            throw mismatch(suite, "counter", suite.usesCounter());
        }
        if (input.hasCounter()) {
            write(out, Hotp.bigEndian(input.counter()));
        }

        write(out, question(suite.questionFormat(), input.question()));

        byte[] passwordHash = input.passwordHash();
        if (suite.passwordHash().isPresent() != (passwordHash != null)) {
            throw mismatch(suite, "password hash", suite.passwordHash().isPresent());
        }
        if (passwordHash != null) {
            int expected = suite.passwordHash().get().outputLength();
            if (passwordHash.length != expected) {
                throw new IllegalArgumentException("suite " + suite + " needs a " + expected
                        + "-byte password hash, got " + passwordHash.length + " bytes");
            }
            write(out, passwordHash);
        }

        byte[] session = input.session();
        if (suite.sessionLength().isPresent() != (session != null)) {
            throw mismatch(suite, "session information", suite.sessionLength().isPresent());
        }
        if (session != null) {
            int expected = suite.sessionLength().getAsInt();
            if (session.length != expected) {
                throw new IllegalArgumentException("suite " + suite + " needs " + expected
                        + " bytes of session information, got " + session.length);
            }
            write(out, session);
        }

        if (suite.timeStepSeconds().isPresent() != input.hasTimestamp()) {
            throw mismatch(suite, "timestamp", suite.timeStepSeconds().isPresent());
        }
        if (input.hasTimestamp()) {
            write(out, Hotp.bigEndian(input.timestamp()));
        }
        return out.toByteArray();
    }

    static byte[] question(OcraSuite.QuestionFormat format, String question) {
        switch (format) {
            case NUMERIC:
                if (question.length() > 2 * QUESTION_BYTES) {
                    throw new IllegalArgumentException(
                            "a numeric question has at most " + 2 * QUESTION_BYTES + " digits");
                }
                for (int i = 0; i < question.length(); i++) {
                    char c = question.charAt(i);
                    if (c < '0' || c > '9') {
                        throw new IllegalArgumentException("a numeric question has only digits 0-9");
                    }
                }
                return paddedHex(new BigInteger(question).toString(16));
            case HEX:
                return paddedHex(question);
            case ALPHANUMERIC:
            default:
                if (question.length() > QUESTION_BYTES) {
                    throw new IllegalArgumentException(
                            "an alphanumeric question has at most " + QUESTION_BYTES + " characters");
                }
                byte[] bytes = new byte[QUESTION_BYTES];
                for (int i = 0; i < question.length(); i++) {
                    char c = question.charAt(i);
                    if (c < 0x20 || c > 0x7e) {
                        throw new IllegalArgumentException(
                                "an alphanumeric question has only printable US-ASCII characters");
                    }
                    bytes[i] = (byte) c;
                }
                return bytes;
        }
    }

    private static byte[] paddedHex(String hex) {
        if (hex.length() > 2 * QUESTION_BYTES) {
            throw new IllegalArgumentException("the question does not fit in " + QUESTION_BYTES + " bytes");
        }
        byte[] bytes = new byte[QUESTION_BYTES];
        for (int i = 0; i < hex.length(); i++) {
            int nibble = hexValue(hex.charAt(i));
            bytes[i / 2] |= (byte) (i % 2 == 0 ? nibble << 4 : nibble);
        }
        return bytes;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("a hexadecimal question has only digits 0-9 and A-F");
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    private static IllegalArgumentException mismatch(OcraSuite suite, String input, boolean required) {
        return new IllegalArgumentException(required
                ? "suite " + suite + " requires a " + input
                : "suite " + suite + " takes no " + input);
    }
}
