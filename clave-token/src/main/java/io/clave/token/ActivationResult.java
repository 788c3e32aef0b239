package io.clave.token;

import java.util.OptionalInt;

/** The outcome of the activation call (docs/token-protocol.md §2). Expected answers are values, not exceptions. */
public sealed interface ActivationResult {

    /** 201: the token and its secrets. */
    record Activated(ActivatedToken token) implements ActivationResult {
    }

    /** 422 {@code token.activation.code-wrong}: the SMS code was wrong; the server says how many tries are left. */
    record WrongCode(OptionalInt attemptsLeft) implements ActivationResult {
    }

    /** 410 {@code token.activation.over}: unknown, expired, used or out of tries; a new activation is needed. */
    record Over() implements ActivationResult {
    }

    /** Anything else: no answer, a timeout, another status, or a body that does not follow the protocol. */
    record Failed(String reason) implements ActivationResult {
    }
}
