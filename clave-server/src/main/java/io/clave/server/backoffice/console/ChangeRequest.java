package io.clave.server.backoffice.console;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A change an operator asked for and a supervisor decides.
 *
 * @param newValue the new mobile or e-mail (null for a token reset)
 */
public record ChangeRequest(UUID id, Kind kind, UUID userId, @Nullable String newValue, UUID requestedBy,
		String requestedByName, Instant requestedAt, String state, @Nullable String customerName) {

	public enum Kind {
		CHANGE_MOBILE, CHANGE_EMAIL, RESET_TOKEN
	}

}
