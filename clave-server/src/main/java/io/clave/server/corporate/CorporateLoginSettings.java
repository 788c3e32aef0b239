package io.clave.server.corporate;

import java.time.Duration;

import io.clave.server.notification.Channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the corporate portal's login and sessions. Lockout follows the personal customers' rules
 * ({@code clave.identity.lockout.*}); the idle timeout is {@code server.servlet.session.timeout}, as for everyone.
 *
 * @param flowLifetime how long a login may take from the password to the clave temporal, and to the definitive
 * credentials at the first login (10 minutes)
 * @param keyChannels where the clave temporal of every login goes: {@code SMS_AND_EMAIL} (the seed), {@code SMS} or
 * {@code EMAIL}
 * @param absoluteSessionTimeout the longest a company user's session lasts however active it is (30 minutes)
 * @param endOtherSessions a new login ends the company user's other sessions (true)
 */
@ConfigurationProperties("clave.corporate.login")
public record CorporateLoginSettings(@DefaultValue("10m") Duration flowLifetime,
		@DefaultValue("SMS_AND_EMAIL") Channels keyChannels, @DefaultValue("30m") Duration absoluteSessionTimeout,
		@DefaultValue("true") boolean endOtherSessions) {
}
