package io.clave.server.backoffice.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A login half-way, kept in the (not yet signed-in) session: the password was accepted and the code is due, or the
 * code was accepted and the first password change is due. Identifiers only: it is serialised into the session table.
 */
record PendingSignIn(UUID operatorId, Stage stage, Instant expiresAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String ATTRIBUTE = "clave.backoffice.pending";

	enum Stage {

		CODE, NEW_PASSWORD

	}

}
