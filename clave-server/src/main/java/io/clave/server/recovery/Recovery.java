package io.clave.server.recovery;

import java.time.Instant;
import java.util.UUID;

/** The persisted state of one recovery. Package-private: pages see a {@link RecoveryView}. */
record Recovery(UUID id, long customerId, UUID userId, long cardId, RecoveryStep step, String state,
		String questionId, int wrongAnswers, Instant expiresAt) {

	boolean open() {
		return "OPEN".equals(this.state);
	}

	boolean completed() {
		return "COMPLETED".equals(this.state);
	}

	@Override
	public String toString() {
		return "Recovery[id=" + this.id + ", step=" + this.step + ", state=" + this.state + "]";
	}

}
