package io.clave.server.corporate;

import java.time.Instant;
import java.util.Optional;

/**
 * What the pages and the API show about a corporate recovery: never a secret, never whether the RUC and number
 * named someone (a decoy shows the same until its key step refuses every key), the username only once the clave
 * temporal was accepted.
 *
 * @param username from the new-password step on
 * @param keyExpiresAt when the clave temporal sent last expires
 * @param nextKeyAt when a new clave temporal may be asked for; empty if no more may be asked
 * @param expiresAt when the recovery itself expires
 */
public record CorporateRecoveryView(CorporateRecoveryStep step, Optional<String> username,
		Optional<Instant> keyExpiresAt, Optional<Instant> nextKeyAt, Instant expiresAt) {

	@Override
	public String toString() {
		return "CorporateRecoveryView[step=" + this.step + "]";
	}

}
