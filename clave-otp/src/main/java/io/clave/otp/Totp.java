package io.clave.otp;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * TOTP, the time-based one-time password of RFC 6238, as an immutable configuration.
 *
 * <p>The configuration (algorithm, digits, step, T0) is what a server stores next to a
 * credential and what an otpauth URI carries, so it is a value of its own rather than a set of
 * loose parameters. The time is always passed in as an {@link Instant}: a library that read the
 * clock itself could not be tested against the RFC vectors and would hide clock skew from the
 * caller.
 *
 * <p>{@link #verify} returns the time step that matched instead of a boolean. RFC 6238 §5.2
 * forbids accepting the same code twice, and the step is what the server has to remember to
 * refuse a replay: accept only if the returned step is greater than the last accepted step.
 */
public final class Totp {

    public static final long DEFAULT_STEP_SECONDS = 30;
    public static final int DEFAULT_DIGITS = 6;

    /**
     * The widest window {@link #verify} accepts. Each step of window adds two codes an attacker
     * may guess; RFC 6238 §5.2 recommends one step, and ten already tolerate five minutes of
     * drift with 30-second steps.
     */
    public static final int MAX_WINDOW_STEPS = 10;

    private static final Totp DEFAULTS = builder().build();

    private final HmacAlgorithm algorithm;
    private final int digits;
    private final long stepSeconds;
    private final Instant t0;

    private Totp(Builder builder) {
        this.algorithm = builder.algorithm;
        this.digits = builder.digits;
        this.stepSeconds = builder.stepSeconds;
        this.t0 = builder.t0;
    }

    /** SHA1, 6 digits, 30 seconds, T0 = the Unix epoch: what every authenticator app assumes. */
    public static Totp defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public HmacAlgorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    public long stepSeconds() {
        return stepSeconds;
    }

    public Instant t0() {
        return t0;
    }

    /**
     * T = floor((at - T0) / X), the counter RFC 6238 feeds to HOTP.
     *
     * @throws IllegalArgumentException if {@code at} is before T0
     */
    public long timeStep(Instant at) {
        Objects.requireNonNull(at, "at");
        long elapsed = at.getEpochSecond() - t0.getEpochSecond();
        if (elapsed < 0) {
            throw new IllegalArgumentException("instant " + at + " is before T0 " + t0);
        }
        return elapsed / stepSeconds;
    }

    /** The code valid at {@code at}. */
    public String generate(byte[] key, Instant at) {
        return generateAt(key, timeStep(at));
    }

    /**
     * Checks {@code code} against the steps from {@code windowSteps} before to
     * {@code windowSteps} after the step of {@code at}, comparing in constant time.
     *
     * <p>Every step in the window is computed and compared, whether or not an earlier one matched.
     * Should two steps produce the same code, the earliest is returned, so that a replayed code
     * is refused rather than credited to a later step. A code of the wrong length never matches.
     *
     * @param windowSteps the tolerated clock drift in steps, 0 to {@link #MAX_WINDOW_STEPS}; RFC
     *     6238 recommends at most 1
     * @return the matching time step, or empty
     * @throws IllegalArgumentException if {@code windowSteps} is out of range or {@code at} is
     *     before T0
     */
    public OptionalLong verify(byte[] key, CharSequence code, Instant at, int windowSteps) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(code, "code");
        if (windowSteps < 0 || windowSteps > MAX_WINDOW_STEPS) {
            throw new IllegalArgumentException(
                    "windowSteps must be between 0 and " + MAX_WINDOW_STEPS + ": " + windowSteps);
        }
        long current = timeStep(at);
        if (code.length() != digits) {
            return OptionalLong.empty();
        }
        long matched = -1;
        for (long step = current + windowSteps; step >= current - windowSteps; step--) {
            if (step >= 0 && ConstantTime.equals(generateAt(key, step), code)) {
                matched = step;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    String generateAt(byte[] key, long step) {
        return Hotp.generate(key, step, digits, algorithm);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Totp)) {
            return false;
        }
        Totp that = (Totp) other;
        return algorithm == that.algorithm
                && digits == that.digits
                && stepSeconds == that.stepSeconds
                && t0.equals(that.t0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, digits, stepSeconds, t0);
    }

    @Override
    public String toString() {
        return "Totp[" + algorithm + ", " + digits + " digits, " + stepSeconds + " s, T0=" + t0 + "]";
    }

    /** Starts from {@link Totp#defaults()}; each setter checks its argument at once. */
    public static final class Builder {

        private HmacAlgorithm algorithm = HmacAlgorithm.SHA1;
        private int digits = DEFAULT_DIGITS;
        private long stepSeconds = DEFAULT_STEP_SECONDS;
        private Instant t0 = Instant.EPOCH;

        private Builder() {
        }

        public Builder algorithm(HmacAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /** @throws IllegalArgumentException unless 6 to 10 */
        public Builder digits(int digits) {
            if (digits < Hotp.MIN_DIGITS || digits > Hotp.MAX_DIGITS) {
                throw new IllegalArgumentException("digits must be between " + Hotp.MIN_DIGITS
                        + " and " + Hotp.MAX_DIGITS + ": " + digits);
            }
            this.digits = digits;
            return this;
        }

        /** @throws IllegalArgumentException unless positive */
        public Builder stepSeconds(long stepSeconds) {
            if (stepSeconds <= 0) {
                throw new IllegalArgumentException("stepSeconds must be positive: " + stepSeconds);
            }
            this.stepSeconds = stepSeconds;
            return this;
        }

        /** @throws IllegalArgumentException unless a whole second, as the RFC counts in seconds */
        public Builder t0(Instant t0) {
            Objects.requireNonNull(t0, "t0");
            if (t0.getNano() != 0) {
                throw new IllegalArgumentException("T0 must be a whole second: " + t0);
            }
            this.t0 = t0;
            return this;
        }

        public Totp build() {
            return new Totp(this);
        }
    }
}
