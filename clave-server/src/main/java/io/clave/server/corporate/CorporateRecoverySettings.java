package io.clave.server.corporate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of a company user's forgotten username or password. The clave temporal follows
 * {@code clave.one-time-key} (5 minutes, wrong entries, cool-down, resends), the new password the corporate
 * credential rules ({@code clave.corporate.*}) and the history {@code clave.identity.password-history}; the first
 * step's limits are {@code clave.rate-limit.recovery-per-ip} and {@code recovery-per-cedula} (per RUC here).
 *
 * @param lifetime a recovery not finished within this time expires and must start again (15 minutes)
 * @param successPageLifetime how long after finishing its last page (with the username) can still be shown
 * (5 minutes)
 */
@ConfigurationProperties("clave.corporate.recovery")
public record CorporateRecoverySettings(@DefaultValue("15m") Duration lifetime,
		@DefaultValue("5m") Duration successPageLifetime) {
}
