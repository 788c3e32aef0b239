package io.clave.server.banking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the signed-in online banking.
 *
 * @param movementsShown how many of an account's last movements its page and the API show (20; the API accepts
 * up to 200)
 * @param passwordChangeLifetime how long a started password change waits for its clave temporal (10 minutes)
 */
@ConfigurationProperties("clave.banking")
public record BankingSettings(@DefaultValue("20") int movementsShown,
		@DefaultValue("10m") Duration passwordChangeLifetime) {

	public BankingSettings {
		if (movementsShown < 1 || movementsShown > 200) {
			throw new IllegalArgumentException("clave.banking.movements-shown must be between 1 and 200");
		}
	}

}
