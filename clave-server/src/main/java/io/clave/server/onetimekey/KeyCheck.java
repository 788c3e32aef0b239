package io.clave.server.onetimekey;

/** The outcome of checking a key. */
public enum KeyCheck {

	ACCEPTED,

	/** Wrong key; more tries are left on this key. */
	WRONG,

	/** The key's lifetime has passed; a new one may be generated. */
	EXPIRED,

	/** Too many wrong entries for this key: it is dead and a new one must be generated. */
	EXHAUSTED,

	/** Too many wrong entries in the flow, or no resend left: the flow must start again. */
	FLOW_ENDED,

	/** No key was issued, or it was used or replaced already. */
	NO_KEY

}
