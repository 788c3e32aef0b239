package io.clave.server.softtoken;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A customer's token as the pages show it, with the kind of app it was activated for. */
public record TokenStatus(UUID tokenId, String state, TokenApp app, String deviceName, @Nullable Instant activatedAt) {

	public boolean active() {
		return "ACTIVE".equals(this.state);
	}

	public boolean locked() {
		return "LOCKED".equals(this.state);
	}

}
