package io.clave.server.softtoken;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A customer's token as the pages show it. */
public record TokenStatus(UUID tokenId, String state, String deviceName, @Nullable Instant activatedAt) {

	public boolean active() {
		return "ACTIVE".equals(this.state);
	}

}
