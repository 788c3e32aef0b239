package io.clave.server.corporate;

import java.time.Instant;
import java.util.UUID;

import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * A person of a company on the portal.
 *
 * @param state TEMPORARY (temporary credentials issued, the definitive ones not created yet), ACTIVE or DELETED
 * @param credentialsExpireAt for TEMPORARY, when the temporary credentials stop working
 */
public record CompanyUser(UUID id, long companyId, CompanyRole role, IdentityDocument document, String firstNames,
		String lastNames, EmailAddress email, PhoneNumber mobile, ProfileSet profiles, String username, String state,
		@Nullable Instant credentialsExpireAt, int failedAttempts, @Nullable Instant lockedUntil, int temporaryLocks,
		@Nullable String lockReason, Instant createdAt, Instant updatedAt, Instant passwordChangedAt) {

	public boolean admin() {
		return this.role == CompanyRole.ADMIN;
	}

	public boolean temporary() {
		return "TEMPORARY".equals(this.state);
	}

	public boolean deleted() {
		return "DELETED".equals(this.state);
	}

	public String fullName() {
		return this.firstNames + " " + this.lastNames;
	}

	/** Locked now: a temporary lock not yet over, or a lock that lasts until someone lifts it. */
	public boolean lockedAt(Instant now) {
		return this.lockReason != null && (this.lockedUntil == null || this.lockedUntil.isAfter(now));
	}

	@Override
	public String toString() {
		return "CompanyUser[" + this.id + ", company " + this.companyId + ", " + this.role + "]";
	}

}
