package io.clave.server.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An online-banking user. Its password hash stays inside this module.
 *
 * @param state {@code ACTIVE}, or {@code LOCKED} until the customer recovers access or the bank unlocks it
 * @param lockedUntil end of a temporary lock, if one was ever set
 */
public record User(UUID id, long customerId, String username, String securityImage, String securityPhrase,
		SecondFactor secondFactor, String state, Instant createdAt, int failedAttempts,
		@Nullable Instant lockedUntil, int temporaryLocks) {

	public boolean lockedPermanently() {
		return "LOCKED".equals(this.state);
	}

	public boolean lockedAt(Instant now) {
		return lockedPermanently() || (this.lockedUntil != null && this.lockedUntil.isAfter(now));
	}

}
