package io.clave.server.authorization;

/** How an operation is authorised. */
public enum AuthorizationMethod {

	/** The Token digital's signing code over the amount and the destination (the app's "Firmar transacción"). */
	SOFT_TOKEN,

	/** A clave temporal by SMS whose message names the amount and the masked destination. */
	SMS_KEY

}
