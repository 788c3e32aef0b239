package io.clave.server.login;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a step of the login led to.
 *
 * @param messageKey the message to show (a key of the login bundle), if any
 * @param customer who is now signed in (for SIGNED_IN)
 * @param tokenActivationPending the customer chose the Token digital and has not activated it: offer it now
 * @param trustedDeviceCookie a new trusted-device cookie to set, when the policy uses them
 * @param retryAfter how long to wait (for RATE_LIMITED)
 */
public record LoginOutcome(Kind kind, @Nullable String messageKey, @Nullable SignedInCustomer customer,
		boolean tokenActivationPending, @Nullable String trustedDeviceCookie, @Nullable Duration retryAfter) {

	public enum Kind {

		/** Go on to the next step the flow now shows. */
		NEXT_STEP,

		/** Stay on this step and show the message. */
		REFUSED,

		/** The login is finished: establish the session. */
		SIGNED_IN,

		/** Too many attempts from this address or for this username: wait. */
		RATE_LIMITED,

		/** The login is over (expired, ended, locked): start again, with the message. */
		OVER

	}

	static LoginOutcome next() {
		return new LoginOutcome(Kind.NEXT_STEP, null, null, false, null, null);
	}

	static LoginOutcome refused(String messageKey) {
		return new LoginOutcome(Kind.REFUSED, messageKey, null, false, null, null);
	}

	static LoginOutcome over(String messageKey) {
		return new LoginOutcome(Kind.OVER, messageKey, null, false, null, null);
	}

	static LoginOutcome rateLimited(Duration retryAfter) {
		return new LoginOutcome(Kind.RATE_LIMITED, "login.rate-limited", null, false, null, retryAfter);
	}

}
