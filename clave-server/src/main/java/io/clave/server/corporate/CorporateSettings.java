package io.clave.server.corporate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the corporate portal. Lockout and password history follow the personal customers' settings
 * ({@code clave.identity.*}).
 *
 * @param temporaryCredentialsLifetime how long temporary credentials work before the operator or administrator
 * must issue new ones (7 days)
 * @param usernameMinLength / usernameMaxLength the definitive username's length (8 to 14, as the seed)
 * @param passwordMinLength / passwordMaxLength the password's length (8 to 20, as the seed)
 * @param usersPerPage how many users a page of the administrator's list shows (10)
 * @param pendingChangeLifetime how long an administrator's change (add, edit, delete) waits for its confirmation;
 * its claves temporales live their own five minutes each and may be asked for again (30 minutes)
 */
@ConfigurationProperties("clave.corporate")
public record CorporateSettings(@DefaultValue("7d") Duration temporaryCredentialsLifetime,
		@DefaultValue("8") int usernameMinLength, @DefaultValue("14") int usernameMaxLength,
		@DefaultValue("8") int passwordMinLength, @DefaultValue("20") int passwordMaxLength,
		@DefaultValue("10") int usersPerPage, @DefaultValue("30m") Duration pendingChangeLifetime) {
}
