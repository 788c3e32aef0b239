package io.clave.server.login;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A second factor asked of a customer: a clave temporal sent by SMS (and e-mail when configured) or, once the
 * Token digital is active, a code of the app.
 *
 * @param id what the caller keeps (in the session, or in the API's response) to check the answer
 * @param kind which factor is asked
 * @param sent false when no key could be sent now (cool-down or no resend left); {@code nextKeyAt} says when
 * @param expiresAt when the key sent expires (for a clave temporal that was sent)
 * @param nextKeyAt when a new key may be asked for, if any is left
 */
public record SecondFactorChallenge(UUID id, Kind kind, boolean sent, @Nullable Instant expiresAt,
		@Nullable Instant nextKeyAt) {

	public enum Kind {

		ONE_TIME_KEY, TOKEN_CODE

	}

}
