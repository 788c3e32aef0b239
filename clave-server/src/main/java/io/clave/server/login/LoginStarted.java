package io.clave.server.login;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a username: a flow token to keep, or why none was given.
 *
 * @param token the login's token (only its hash is stored)
 * @param messageKey the problem with the username as typed, if any
 * @param retryAfter set when too many logins came from this address
 */
public record LoginStarted(@Nullable String token, @Nullable String messageKey, @Nullable Duration retryAfter) {

	public boolean started() {
		return this.token != null;
	}

}
