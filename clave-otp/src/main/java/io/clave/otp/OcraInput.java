package io.clave.otp;

import java.util.Objects;

/**
 * The variable inputs of one OCRA computation: the question and whichever of counter, password
 * hash, session information and timestamp the suite asks for.
 *
 * <p>It is separate from {@link OcraSuite} because the suite is fixed per credential while these
 * change per challenge. {@link Ocra} checks the two against each other, so a missing or a
 * superfluous input is an error rather than a silently different response.
 *
 * <p>The password is taken already hashed, because that is what a server stores and what enters
 * the MAC; {@link OcraSuite#hashPassword(CharSequence)} computes it from a PIN. The question is
 * the text the user sees; how it becomes bytes follows the suite's {@code QA}, {@code QN} or
 * {@code QH}. For mutual challenge-response, pass the two challenges concatenated in the order
 * RFC 6287 §7.3 gives.
 */
public final class OcraInput {

    private final String question;
    private final long counter;
    private final byte[] passwordHash;
    private final byte[] session;
    private final long timestamp;

    private OcraInput(Builder builder) {
        this.question = builder.question;
        this.counter = builder.counter;
        this.passwordHash = builder.passwordHash;
        this.session = builder.session;
        this.timestamp = builder.timestamp;
    }

    /** @throws IllegalArgumentException if {@code question} is empty */
    public static Builder builder(String question) {
        return new Builder(question);
    }

    String question() {
        return question;
    }

    boolean hasCounter() {
        return counter >= 0;
    }

    long counter() {
        return counter;
    }

    byte[] passwordHash() {
        return passwordHash;
    }

    byte[] session() {
        return session;
    }

    boolean hasTimestamp() {
        return timestamp >= 0;
    }

    long timestamp() {
        return timestamp;
    }

    /** Names the inputs that are present without printing the password hash or session bytes. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("OcraInput[question=").append(question);
        if (hasCounter()) {
            out.append(", counter=").append(counter);
        }
        if (passwordHash != null) {
            out.append(", passwordHash=<").append(passwordHash.length).append(" bytes>");
        }
        if (session != null) {
            out.append(", session=<").append(session.length).append(" bytes>");
        }
        if (hasTimestamp()) {
            out.append(", timestamp=").append(timestamp);
        }
        return out.append(']').toString();
    }

    /** Each setter checks its argument at once; arrays are copied. */
    public static final class Builder {

        private final String question;
        private long counter = -1;
        private byte[] passwordHash;
        private byte[] session;
        private long timestamp = -1;

        private Builder(String question) {
            Objects.requireNonNull(question, "question");
            if (question.isEmpty()) {
                throw new IllegalArgumentException("question must not be empty");
            }
            this.question = question;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder counter(long counter) {
            if (counter < 0) {
                throw new IllegalArgumentException("counter must not be negative: " + counter);
            }
            this.counter = counter;
            return this;
        }

        /** The PIN or password already hashed with the suite's {@code P} algorithm. */
        public Builder passwordHash(byte[] passwordHash) {
            this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash").clone();
            return this;
        }

        /** Exactly as many bytes as the suite's {@code Snnn} says. */
        public Builder session(byte[] session) {
            this.session = Objects.requireNonNull(session, "session").clone();
            return this;
        }

        /**
         * The number of time steps since the epoch, see {@link OcraSuite#timestamp}.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder timestamp(long timeSteps) {
            if (timeSteps < 0) {
                throw new IllegalArgumentException("timestamp must not be negative: " + timeSteps);
            }
            this.timestamp = timeSteps;
            return this;
        }

        public OcraInput build() {
            return new OcraInput(this);
        }
    }
}
