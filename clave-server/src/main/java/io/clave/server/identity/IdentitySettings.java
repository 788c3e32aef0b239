package io.clave.server.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for usernames and passwords.
 *
 * <p>
 * The length limits and the composition rule (upper case, lower case and digits) follow the bank's published
 * instructions. NIST SP 800-63B rev 4 asks for no composition rules and a maximum of at least 64 characters; a bank
 * that follows NIST sets {@code password-max-length: 64} and {@code password-requires-mixed-characters: false}. The
 * common-password list and the checks against the person's own data apply in both cases.
 *
 * @param usernameMinLength shortest username (8)
 * @param usernameMaxLength longest username (14)
 * @param passwordMinLength shortest password (8; NIST's floor when the password is one of two factors)
 * @param passwordMaxLength longest password (20, as the seeds; NIST recommends at least 64)
 * @param passwordRequiresMixedCharacters upper case, lower case and a digit (true, as the seeds)
 * @param argon2 cost of Argon2id (OWASP: 19 MiB, 2 iterations, 1 lane)
 * @param passwordHistory how many earlier passwords a new one may not repeat (5)
 * @param lockout what wrong passwords and wrong second-factor codes lead to
 */
@ConfigurationProperties("clave.identity")
public record IdentitySettings(@DefaultValue("8") int usernameMinLength, @DefaultValue("14") int usernameMaxLength,
		@DefaultValue("8") int passwordMinLength, @DefaultValue("20") int passwordMaxLength,
		@DefaultValue("true") boolean passwordRequiresMixedCharacters, @DefaultValue Argon2 argon2, @DefaultValue("5") int passwordHistory,
		@DefaultValue Lockout lockout) {

	public record Argon2(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
			@DefaultValue("1") int parallelism) {
	}

	/**
	 * Consecutive failures lock the account for {@code firstLock}, then each further lock lasts {@code growth}
	 * times longer (at most {@code longestLock}); after {@code maxTemporaryLocks} temporary locks the next one is
	 * permanent, until the customer unlocks it by recovery or the bank does. A successful login resets both counts.
	 *
	 * @param maxFailures consecutive wrong passwords or second-factor codes that lock (5)
	 * @param firstLock length of the first temporary lock (15 minutes)
	 * @param growth factor by which each following temporary lock grows (2)
	 * @param longestLock cap on one temporary lock (24 hours)
	 * @param maxTemporaryLocks temporary locks before the account stays locked (3)
	 */
	public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration firstLock,
			@DefaultValue("2") int growth, @DefaultValue("24h") Duration longestLock,
			@DefaultValue("3") int maxTemporaryLocks) {
	}

}
