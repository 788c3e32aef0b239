package io.clave.server.login;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The customer behind an authenticated session; pages and API controllers receive it with
 * {@code @AuthenticationPrincipal}. It is serialised into the session table, so it holds identifiers only.
 *
 * @param authenticatedAt when the login finished; the absolute session limit counts from here
 */
public record SignedInCustomer(UUID userId, long customerId, String username, Instant authenticatedAt)
		implements Serializable, AuthenticatedPrincipal {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The name Spring Session indexes sessions by: the user id, never the username or a personal datum. */
	@Override
	public String getName() {
		return this.userId.toString();
	}

	@Override
	public String toString() {
		return "SignedInCustomer[" + this.userId + "]";
	}

}
