package io.clave.token;

/** The outcome of typing the PIN. */
public sealed interface PinAttempt {

    /** The right PIN: the secrets, to be closed after use, and the identity as now stored. */
    record Opened(Identity identity, TokenSecrets secrets) implements PinAttempt {
    }

    /** A wrong PIN, counted; {@code pinsLeft} more wrong ones lock the identity. */
    record WrongPin(int pinsLeft) implements PinAttempt {
    }

    /** Locked, now or before: only the unlock code for {@code challenge} opens it. The PIN was not tried. */
    record Locked(String challenge) implements PinAttempt {
    }
}
