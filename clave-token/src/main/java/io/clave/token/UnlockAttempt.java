package io.clave.token;

/** The outcome of typing the unlock code the web page gave. */
public sealed interface UnlockAttempt {

    /** The right code: the secrets, to be sealed under a new PIN with {@link Tokens#setNewPin}. */
    record Unlocked(Identity identity, TokenSecrets secrets) implements UnlockAttempt {
    }

    /** Not the code for this challenge. Not counted: the identity is locked already and keeps its challenge. */
    record WrongUnlockCode(String challenge) implements UnlockAttempt {
    }

    /** The identity is not locked; its PIN opens it. */
    record NotLocked() implements UnlockAttempt {
    }
}
