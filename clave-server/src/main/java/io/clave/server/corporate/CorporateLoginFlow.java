package io.clave.server.corporate;

import java.time.Instant;
import java.util.UUID;

/** A corporate login in progress as stored. */
record CorporateLoginFlow(UUID id, UUID userId, CorporateLoginStep step, String state, Instant expiresAt) {

	boolean openAt(Instant now) {
		return "OPEN".equals(this.state) && this.expiresAt.isAfter(now);
	}

}
