package io.clave.server.backoffice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the back office's login.
 *
 * @param maxFailures consecutive wrong passwords or codes that lock an operator (5)
 * @param lockDuration how long such a lock lasts (15 minutes); a supervisor's unlock comes with issue 6
 * @param totpWindow TOTP steps accepted either side of the server's clock (1: ±30 s); each step at most once
 * @param signInLifetime time from the accepted password to the code, and to the first password change (5 minutes)
 * @param passwordMinLength shortest password an operator may choose (12)
 * @param passwordMaxLength longest password accepted (128)
 * @param issuerSuffix appended to the bank's name to make the issuer an authenticator app shows
 * ({@code "Banco Clave Backoffice"})
 */
@ConfigurationProperties("clave.backoffice")
public record BackofficeSettings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("1") int totpWindow, @DefaultValue("5m") Duration signInLifetime,
		@DefaultValue("12") int passwordMinLength, @DefaultValue("128") int passwordMaxLength,
		@DefaultValue("Backoffice") String issuerSuffix) {

	public BackofficeSettings {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("clave.backoffice.max-failures must be at least 1");
		}
		if (totpWindow < 0 || totpWindow > 2) {
			throw new IllegalArgumentException("clave.backoffice.totp-window must be 0, 1 or 2");
		}
		if (passwordMinLength < 12 || passwordMaxLength < passwordMinLength) {
			throw new IllegalArgumentException(
					"clave.backoffice.password-min-length must be at least 12 and not above password-max-length");
		}
	}

}
