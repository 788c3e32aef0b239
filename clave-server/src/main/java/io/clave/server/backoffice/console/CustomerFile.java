package io.clave.server.backoffice.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.clave.server.identity.LoginRecord;
import io.clave.server.identity.SecondFactor;
import org.jspecify.annotations.Nullable;

/**
 * What the desk sees of a customer: never a secret, contact data masked.
 *
 * @param lockedUntil end of a temporary lock; null with {@code locked} for a lock until someone lifts it
 * @param tokenState the Token digital in use (ACTIVE, LOCKED) or null
 */
public record CustomerFile(UUID userId, long customerId, String fullName, String cedula, String username,
		String maskedMobile, String maskedEmail, boolean locked, @Nullable Instant lockedUntil,
		@Nullable String lockReason, int failedAttempts, SecondFactor secondFactor, @Nullable String tokenState,
		List<LoginRecord> lastLogins, List<KeySent> keysSent, List<ChangeRequest> requests) {

	/** A clave temporal sent to the customer: when, by which channel, and whether it was delivered; never the key. */
	public record KeySent(Instant issuedAt, String channel, String state) {
	}

}
