package io.clave.server.recovery;

import java.time.Instant;
import java.util.Optional;

/**
 * What the pages and the API show about a recovery in progress: never a secret, the mobile masked, and the
 * username only once the card, the clave temporal and the challenge question were all answered.
 *
 * @param step the current step
 * @param maskedMobile e.g. {@code ******4567}
 * @param questionId the challenge question this recovery asks, while it is the current step
 * @param username the username, from the new-password step on
 * @param keyExpiresAt when the clave temporal sent last expires
 * @param nextKeyAt when a new clave temporal may be asked for; empty if no more may be asked
 * @param expiresAt when the recovery itself expires
 * @param wrongAnswersLeft wrong answers to the question left before the recovery ends
 */
public record RecoveryView(RecoveryStep step, String maskedMobile, Optional<String> questionId,
		Optional<String> username, Optional<Instant> keyExpiresAt, Optional<Instant> nextKeyAt, Instant expiresAt,
		int wrongAnswersLeft) {

	@Override
	public String toString() {
		return "RecoveryView[step=" + this.step + "]";
	}

}
