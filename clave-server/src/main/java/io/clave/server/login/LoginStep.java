package io.clave.server.login;

/** Where a login in progress stands. */
public enum LoginStep {

	/** The username was given; the image and phrase are shown and the password is asked. */
	PASSWORD,

	/** The password was right; the second factor is asked. */
	SECOND_FACTOR

}
