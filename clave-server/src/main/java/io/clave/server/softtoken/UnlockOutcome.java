package io.clave.server.softtoken;

import org.jspecify.annotations.Nullable;

/**
 * A step of "Desbloqueo App".
 *
 * @param messageKey what to tell the customer when the step did not go through
 * @param unlockCode the 8-digit code to type into the locked app (UNLOCKED only; never for LOCK_LIFTED)
 */
public record UnlockOutcome(Kind kind, @Nullable String messageKey, @Nullable String unlockCode) {

	public enum Kind {

		/** The clave temporal was sent; ask for it. */
		KEY_SENT,

		/** The code for the app, bound to its challenge and this token. */
		UNLOCKED,

		/** A standard authenticator's token: the server's lock is lifted; there is no code for the app. */
		LOCK_LIFTED,

		/** Stay on the step and show the message. */
		REFUSED,

		/** Start again. */
		OVER

	}

	static UnlockOutcome refused(String messageKey) {
		return new UnlockOutcome(Kind.REFUSED, messageKey, null);
	}

	static UnlockOutcome over(String messageKey) {
		return new UnlockOutcome(Kind.OVER, messageKey, null);
	}

	@Override
	public String toString() {
		return "UnlockOutcome[" + this.kind + "]";
	}

}
