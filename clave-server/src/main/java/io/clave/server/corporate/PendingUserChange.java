package io.clave.server.corporate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * An administrator's change to the company's users that waits for "Aceptar" and, when {@link #keyRequired()}, for the
 * clave temporal sent to the administrator's mobile.
 *
 * @param targetId for EDIT, the user it changes
 * @param state PENDING, DONE or DROPPED (expired, or refused when confirmed)
 * @param changedFields for EDIT, which fields change (firstNames, lastNames, email, mobile, profiles, role)
 * @param resultId for a DONE ADD, the new user
 */
public record PendingUserChange(UUID id, Kind kind, @Nullable UUID targetId, boolean keyRequired, String state,
		ProposedUser proposed, List<String> changedFields, Instant expiresAt, @Nullable UUID resultId) {

	public enum Kind {
		ADD, EDIT
	}

	/** What the user will be once the change is done. Masks its contact data in {@code toString}. */
	public record ProposedUser(IdentityDocument document, String firstNames, String lastNames, EmailAddress email,
			PhoneNumber mobile, ProfileSet profiles, CompanyRole role) {

		@Override
		public String toString() {
			return "ProposedUser[" + this.document + ", " + this.role + "]";
		}

	}

	public boolean pending() {
		return "PENDING".equals(this.state);
	}

	public boolean done() {
		return "DONE".equals(this.state);
	}

}
