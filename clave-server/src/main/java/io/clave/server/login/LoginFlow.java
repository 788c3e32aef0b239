package io.clave.server.login;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A login in progress as stored. {@code userId} is empty for a username that does not exist. */
record LoginFlow(UUID id, String usernameKey, @Nullable UUID userId, LoginStep step, String state,
		@Nullable UUID challengeId, boolean deviceTrusted, Instant expiresAt) {

	boolean openAt(Instant now) {
		return "OPEN".equals(this.state) && this.expiresAt.isAfter(now);
	}

}
