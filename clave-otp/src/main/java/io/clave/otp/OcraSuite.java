package io.clave.otp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed OCRA suite string (RFC 6287 §6), such as {@code OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1}.
 *
 * <p>The suite is part of the MAC input and decides which other inputs are required, so it is
 * parsed once into a value that {@link Ocra} checks every {@link OcraInput} against. Parsing is
 * strict: {@code OCRA-1}, then {@code HOTP-SHA1|SHA256|SHA512-t} with t from 4 to 10, then the
 * data inputs in the RFC's order, {@code [C-]Q(A|N|H)xx[-PSHAx][-Snnn][-T(n)(S|M|H)]}, with
 * xx from 04 to 64, nnn from 001 to 512, and time steps of 1-59 seconds, 1-59 minutes or
 * 1-48 hours. A truncation of 0 (the raw HMAC as response) is refused, since the RFC does not
 * say how it would be written as a string.
 */
public final class OcraSuite {

    /** How a challenge question is written; it decides how {@link Ocra} turns it into bytes. */
    public enum QuestionFormat {
        ALPHANUMERIC, NUMERIC, HEX
    }

    private static final Pattern CRYPTO_FUNCTION = Pattern.compile("HOTP-(SHA1|SHA256|SHA512)-(\\d{1,2})");
    private static final Pattern QUESTION = Pattern.compile("Q([ANH])(\\d{2})");
    private static final Pattern PASSWORD = Pattern.compile("P(SHA1|SHA256|SHA512)");
    private static final Pattern SESSION = Pattern.compile("S(\\d{3})");
    private static final Pattern TIMESTAMP = Pattern.compile("T(\\d{1,2})([SMH])");

    private final String value;
    private final HmacAlgorithm algorithm;
    private final int digits;
    private final boolean counter;
    private final QuestionFormat questionFormat;
    private final int questionLength;
    private final HmacAlgorithm passwordHash;
    private final int sessionLength;
    private final long timeStepSeconds;

    private OcraSuite(String value, HmacAlgorithm algorithm, int digits, boolean counter,
            QuestionFormat questionFormat, int questionLength, HmacAlgorithm passwordHash,
            int sessionLength, long timeStepSeconds) {
        this.value = value;
        this.algorithm = algorithm;
        this.digits = digits;
        this.counter = counter;
        this.questionFormat = questionFormat;
        this.questionLength = questionLength;
        this.passwordHash = passwordHash;
        this.sessionLength = sessionLength;
        this.timeStepSeconds = timeStepSeconds;
    }

    /** @throws IllegalArgumentException if {@code suite} is not a valid OCRA-1 suite */
    public static OcraSuite parse(String suite) {
        Objects.requireNonNull(suite, "suite");
        String[] parts = suite.split(":", -1);
        if (parts.length != 3 || !parts[0].equals("OCRA-1")) {
            throw invalid(suite, "expected OCRA-1:<crypto function>:<data input>");
        }
        Matcher crypto = CRYPTO_FUNCTION.matcher(parts[1]);
        if (!crypto.matches()) {
            throw invalid(suite, "expected HOTP-SHA1|SHA256|SHA512-<digits>");
        }
        HmacAlgorithm algorithm = HmacAlgorithm.valueOf(crypto.group(1));
        int digits = Integer.parseInt(crypto.group(2));
        if (digits < 4 || digits > 10) {
            throw invalid(suite, "the response length must be 4 to 10 digits");
        }

        String[] inputs = parts[2].split("-", -1);
        int next = 0;
        boolean counter = inputs[next].equals("C");
        if (counter) {
            next++;
        }
        Matcher question = next < inputs.length ? QUESTION.matcher(inputs[next]) : null;
        if (question == null || !question.matches()) {
            throw invalid(suite, "expected a question QA|QN|QH<04-64>");
        }
        next++;
        QuestionFormat format = question.group(1).equals("A") ? QuestionFormat.ALPHANUMERIC
                : question.group(1).equals("N") ? QuestionFormat.NUMERIC : QuestionFormat.HEX;
        int questionLength = Integer.parseInt(question.group(2));
        if (questionLength < 4 || questionLength > 64) {
            throw invalid(suite, "the question length must be 04 to 64");
        }

        HmacAlgorithm passwordHash = null;
        Matcher password = next < inputs.length ? PASSWORD.matcher(inputs[next]) : null;
        if (password != null && password.matches()) {
            passwordHash = HmacAlgorithm.valueOf(password.group(1));
            next++;
        }

        int sessionLength = 0;
        Matcher session = next < inputs.length ? SESSION.matcher(inputs[next]) : null;
        if (session != null && session.matches()) {
            sessionLength = Integer.parseInt(session.group(1));
            if (sessionLength < 1 || sessionLength > 512) {
                throw invalid(suite, "the session information length must be 001 to 512");
            }
            next++;
        }

        long timeStepSeconds = 0;
        Matcher timestamp = next < inputs.length ? TIMESTAMP.matcher(inputs[next]) : null;
        if (timestamp != null && timestamp.matches()) {
            timeStepSeconds = timeStepSeconds(suite, Integer.parseInt(timestamp.group(1)),
                    timestamp.group(2).charAt(0));
            next++;
        }

        if (next != inputs.length) {
            throw invalid(suite, "unexpected data input '" + inputs[next] + "'");
        }
        return new OcraSuite(suite, algorithm, digits, counter, format, questionLength,
                passwordHash, sessionLength, timeStepSeconds);
    }

    private static long timeStepSeconds(String suite, int count, char unit) {
        int max = unit == 'H' ? 48 : 59;
        if (count < 1 || count > max) {
            throw invalid(suite, "a time step in " + unit + " must be 1 to " + max);
        }
        return count * (unit == 'S' ? 1L : unit == 'M' ? 60L : 3600L);
    }

    private static IllegalArgumentException invalid(String suite, String reason) {
        return new IllegalArgumentException("invalid OCRA suite '" + suite + "': " + reason);
    }

    /** The HMAC of the crypto function. */
    public HmacAlgorithm algorithm() {
        return algorithm;
    }

    /** The length of the response, 4 to 10. */
    public int digits() {
        return digits;
    }

    public boolean usesCounter() {
        return counter;
    }

    public QuestionFormat questionFormat() {
        return questionFormat;
    }

    /**
     * The length xx of one challenge. In mutual challenge-response the question is the
     * concatenation of two challenges, so a question may be longer than this.
     */
    public int questionLength() {
        return questionLength;
    }

    /** The hash applied to the PIN or password, if the suite includes one. */
    public Optional<HmacAlgorithm> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    /** The length in bytes of the session information, if the suite includes it. */
    public OptionalInt sessionLength() {
        return sessionLength == 0 ? OptionalInt.empty() : OptionalInt.of(sessionLength);
    }

    /** The length in seconds of one timestamp step, if the suite includes a timestamp. */
    public OptionalLong timeStepSeconds() {
        return timeStepSeconds == 0 ? OptionalLong.empty() : OptionalLong.of(timeStepSeconds);
    }

    /**
     * The suite's password hash of the UTF-8 bytes of {@code password}, the value that
     * {@link OcraInput.Builder#passwordHash(byte[])} expects. A server stores this hash rather
     * than the PIN.
     *
     * @throws IllegalStateException if the suite has no password input
     */
    public byte[] hashPassword(CharSequence password) {
        Objects.requireNonNull(password, "password");
        if (passwordHash == null) {
            throw new IllegalStateException("suite " + value + " has no password input");
        }
        return passwordHash.digest(password.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The number of whole time steps between the Unix epoch and {@code at}, the value that
     * {@link OcraInput.Builder#timestamp(long)} expects.
     *
     * @throws IllegalStateException if the suite has no timestamp input
     * @throws IllegalArgumentException if {@code at} is before the epoch
     */
    public long timestamp(Instant at) {
        Objects.requireNonNull(at, "at");
        if (timeStepSeconds == 0) {
            throw new IllegalStateException("suite " + value + " has no timestamp input");
        }
        if (at.getEpochSecond() < 0) {
            throw new IllegalArgumentException("instant before the epoch: " + at);
        }
        return at.getEpochSecond() / timeStepSeconds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OcraSuite && ((OcraSuite) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The suite string exactly as parsed. */
    @Override
    public String toString() {
        return value;
    }
}
