package io.clave.server.onetimekey;

/** What a key may be used for; a key issued for one purpose is never accepted for another. */
public enum KeyPurpose {

	ENROLLMENT, LOGIN, TRANSACTION, RECOVERY, ADMIN_ACTION, TOKEN_ACTIVATION, TOKEN_UNLOCK

}
