package io.clave.server.corporate;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The persisted state of one corporate recovery. Package-private: pages see a {@link CorporateRecoveryView}.
 *
 * @param userId the company user the RUC and number named; null when they named nobody (a decoy flow)
 * @param decoyKeysSent / decoyKeyAt / decoyKeyState / decoyKeyWrong / decoyWrongTotal for a decoy flow, the
 * make-believe claves temporales, counted as OneTimeKeys counts real ones
 */
record CorporateRecovery(UUID id, @Nullable UUID userId, CorporateRecoveryStep step, String state, int decoyKeysSent,
		@Nullable Instant decoyKeyAt, @Nullable String decoyKeyState, int decoyKeyWrong, int decoyWrongTotal,
		Instant expiresAt) {

	boolean open() {
		return "OPEN".equals(this.state);
	}

	boolean completed() {
		return "COMPLETED".equals(this.state);
	}

	boolean decoy() {
		return this.userId == null;
	}

	@Override
	public String toString() {
		return "CorporateRecovery[id=" + this.id + ", step=" + this.step + ", state=" + this.state + "]";
	}

}
