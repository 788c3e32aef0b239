package io.clave.server.authorization;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An authorisation waiting for its code.
 *
 * @param nextKeyAt for {@link AuthorizationMethod#SMS_KEY}, when a new key may be asked for; null when none is left
 * or for the token
 */
public record AuthorizationStarted(UUID id, AuthorizationMethod method, Operation operation, Instant expiresAt,
		@Nullable Instant nextKeyAt) {
}
