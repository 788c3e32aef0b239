package io.clave.server.softtoken;

/** The outcome of checking a code of the Token digital. */
public enum TokenCheck {

	ACCEPTED,

	/** Wrong code; it counted towards the token's lock. */
	WRONG,

	/** A code already accepted once (the same time step): refused, and counted like a wrong one. */
	REPLAYED,

	/** The token is locked on the server after too many wrong codes. */
	LOCKED,

	/** The customer has no token in that state. */
	NO_TOKEN

}
