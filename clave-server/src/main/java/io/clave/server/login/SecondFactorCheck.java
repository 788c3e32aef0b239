package io.clave.server.login;

/** The outcome of checking a second-factor code. */
public enum SecondFactorCheck {

	ACCEPTED,

	/** Wrong code; it counted towards the lockout and more tries are left. */
	WRONG,

	/** The key expired or was used up: ask for a new one. */
	NEW_KEY_NEEDED,

	/** Too many wrong codes: the account is now locked and the customer must log in again or recover access. */
	LOCKED,

	/** The Token digital is locked on the server: ask a clave temporal instead. */
	TOKEN_LOCKED,

	/** The challenge is unknown, finished, or belongs to someone else. */
	NO_CHALLENGE

}
