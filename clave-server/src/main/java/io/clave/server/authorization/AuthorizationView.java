package io.clave.server.authorization;

import java.time.Instant;
import java.util.UUID;

/** An authorisation as its customer may see it; never its reference. */
public record AuthorizationView(UUID id, AuthorizationMethod method, Operation operation, String state,
		Instant expiresAt) {
}
