package io.clave.server.corporate;

/** Where a corporate login in progress stands, once the username and password were right. */
public enum CorporateLoginStep {

	/** The clave temporal was sent by SMS and e-mail and is asked. */
	KEY,

	/** First login with temporary credentials: the definitive username and password are asked. */
	CREDENTIALS

}
