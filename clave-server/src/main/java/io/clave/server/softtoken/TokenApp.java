package io.clave.server.softtoken;

/**
 * Which app holds a token's seed. Each token remembers the kind it was activated for (column {@code soft_tokens.app}),
 * so that changing {@code clave.softtoken.app} affects only tokens activated afterwards.
 */
public enum TokenApp {

	/** The bank's own Token digital app (clave-token): PIN, transaction signing, unlock code; docs/token-protocol.md. */
	CLAVE_TOKEN,

	/**
	 * Any RFC 6238 authenticator (Google Authenticator, Microsoft Authenticator, FreeOTP) fed an {@code otpauth://totp/}
	 * QR: TOTP codes only, no PIN lock and no transaction signing.
	 */
	STANDARD_AUTHENTICATOR

}
