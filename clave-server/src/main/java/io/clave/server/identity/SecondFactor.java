package io.clave.server.identity;

/** The second factor the customer chose at enrollment. */
public enum SecondFactor {

	/** "Token digital" chosen, not yet activated: the clave temporal by SMS stays the factor until then. */
	SOFT_TOKEN_PENDING,

	/** "Solicitar más tarde": the clave temporal by SMS. */
	SMS_ONE_TIME_KEY,

	/** An activated Token digital: its codes are the factor. */
	SOFT_TOKEN

}
