package io.clave.server.banking;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A password change waiting for its clave temporal, kept in the customer's session between the two requests. The
 * new password is sealed (AES-GCM under a key bound to the user and the challenge), never kept in clear: the
 * session lives in the database.
 */
public record PendingPasswordChange(UUID challengeId, byte[] sealedPassword, Instant expiresAt)
		implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Where pages and API keep it in the session. */
	public static final String SESSION_ATTRIBUTE = "clave.banking.password-change";

	@Override
	public String toString() {
		return "PendingPasswordChange[" + this.challengeId + "]";
	}

}
