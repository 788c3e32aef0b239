package io.clave.server.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a user stands after a failure was counted.
 *
 * @param counted false when the account was already locked, so the attempt did not count
 * @param failedAttempts consecutive failures since the last success or lock
 * @param lockedUntil end of the temporary lock now in force, if any
 * @param permanent locked until recovery or the bank unlocks it
 * @param justLocked this failure is the one that locked the account
 */
public record Lockout(boolean counted, int failedAttempts, @Nullable Instant lockedUntil, boolean permanent,
		boolean justLocked) {

	public boolean locked() {
		return this.permanent || this.lockedUntil != null;
	}

}
