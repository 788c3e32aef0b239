package io.clave.server.ratelimit;

/**
 * The limits, each a setting {@code clave.rate-limit.<kebab-case name>} ({@link RateLimitSettings}). Each counts
 * attempts per key, the key being what the name says after "per".
 */
public enum RateLimit {

	/** Login attempts (username, password or second-factor steps) from one IP address. */
	LOGIN_PER_IP,

	/** Login attempts for one username (lower case), whatever the address. */
	LOGIN_PER_USERNAME,

	/** Recovery attempts (forgotten username or password, unlock) from one IP address. */
	RECOVERY_PER_IP,

	/** Recovery attempts for one customer, by cédula. */
	RECOVERY_PER_CEDULA,

	/** Enrollment attempts (card and PIN) from one IP address. */
	ENROLLMENT_PER_IP

}
