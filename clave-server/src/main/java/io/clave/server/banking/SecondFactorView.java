package io.clave.server.banking;

import io.clave.server.identity.SecondFactor;

/**
 * The customer's second factor as the Segundo Factor Seguridad page shows it.
 *
 * @param tokenPending the Token digital was chosen and awaits activation; until then the clave temporal by SMS is
 * the factor
 * @param locked the online-banking user is locked (wrong passwords or codes)
 * @param tokenSigns false for a token in use that cannot sign transactions (a standard authenticator app)
 */
public record SecondFactorView(SecondFactor secondFactor, boolean tokenPending, boolean locked, String maskedMobile,
		boolean tokenSigns) {

	/** The message key that explains the factor. */
	public String explanation() {
		return "banking.second-factor.explain." + this.secondFactor + (this.tokenSigns ? "" : ".standard");
	}

}
