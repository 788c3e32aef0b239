package io.clave.server.identity;

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
 */
@ConfigurationProperties("clave.identity")
public record IdentitySettings(@DefaultValue("8") int usernameMinLength, @DefaultValue("14") int usernameMaxLength,
		@DefaultValue("8") int passwordMinLength, @DefaultValue("20") int passwordMaxLength,
		@DefaultValue("true") boolean passwordRequiresMixedCharacters, @DefaultValue Argon2 argon2) {

	public record Argon2(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
			@DefaultValue("1") int parallelism) {
	}

}
