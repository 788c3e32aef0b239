package io.clave.server.authorization;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking an authorisation's code.
 *
 * @param reference for AUTHORIZED only: the single-use reference the operation consumes; shown once, kept only as a
 * keyed hash
 * @param attemptsLeft for WRONG: how many more codes this authorisation takes
 */
public record AuthorizationCheck(Outcome outcome, @Nullable String reference, int attemptsLeft) {

	public enum Outcome {
		AUTHORIZED,
		/** An earlier request with the right code authorised it already (a resubmission). */
		ALREADY_AUTHORIZED,
		WRONG,
		/** A signing code used before. */
		REPLAYED,
		/** The Token digital is locked on the server; unlock it or use a clave temporal. */
		TOKEN_LOCKED,
		/** Expired, refused after too many wrong codes, consumed, or not this customer's. */
		OVER
	}

	static AuthorizationCheck of(Outcome outcome) {
		return new AuthorizationCheck(outcome, null, 0);
	}

}
