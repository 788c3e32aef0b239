package io.clave.server.softtoken;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the app's activation call led to.
 *
 * @param tokenId the new token (CREATED)
 * @param seed the TOTP and signing seed, Base32 (CREATED only; it leaves the server this once)
 * @param unlockSeed the unlock seed, Base32 (CREATED only)
 * @param attemptsLeft wrong codes left (WRONG_CODE)
 */
public record ActivationCompletion(Outcome outcome, @Nullable UUID tokenId, @Nullable String seed,
		@Nullable String unlockSeed, int attemptsLeft) {

	public enum Outcome {

		CREATED, WRONG_CODE,

		/** Unknown, wrong binding key, expired, used or out of tries: one answer for all. */
		OVER

	}

	static ActivationCompletion over() {
		return new ActivationCompletion(Outcome.OVER, null, null, null, 0);
	}

	@Override
	public String toString() {
		return "ActivationCompletion[" + this.outcome + "]";
	}

}
