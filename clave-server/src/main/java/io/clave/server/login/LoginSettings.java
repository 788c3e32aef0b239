package io.clave.server.login;

import java.time.Duration;
import java.util.List;

import io.clave.server.notification.Channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the personal login and its sessions.
 *
 * @param secondFactor when the second factor is asked: {@code ALWAYS} (default; PSD2's strong authentication at
 * every login) or {@code NEW_DEVICE} (only on a browser or device without a valid trusted-device cookie)
 * @param trustedDeviceLifetime how long a trusted-device cookie spares the second factor (30 days)
 * @param oneTimeKeyChannels where the login's clave temporal goes: {@code SMS} or {@code SMS_AND_EMAIL}
 * @param noticeChannels where the notice of each successful login goes ({@code EMAIL}, {@code SMS})
 * @param flowLifetime how long a login may take from the username to the second factor (10 minutes)
 * @param absoluteSessionTimeout the longest a session lasts however active it is (30 minutes); the idle timeout
 * is {@code server.servlet.session.timeout} (5 minutes)
 * @param sessionWarning how long before the idle timeout the page warns (60 seconds)
 * @param endOtherSessions a new login ends the customer's other sessions (true)
 */
@ConfigurationProperties("clave.login")
public record LoginSettings(@DefaultValue("ALWAYS") SecondFactorPolicy secondFactor,
		@DefaultValue("30d") Duration trustedDeviceLifetime, @DefaultValue("SMS") Channels oneTimeKeyChannels,
		@DefaultValue({ "EMAIL", "SMS" }) List<NoticeChannel> noticeChannels,
		@DefaultValue("10m") Duration flowLifetime, @DefaultValue("30m") Duration absoluteSessionTimeout,
		@DefaultValue("60s") Duration sessionWarning, @DefaultValue("true") boolean endOtherSessions) {

	public enum SecondFactorPolicy {

		ALWAYS, NEW_DEVICE

	}

	public enum NoticeChannel {

		EMAIL, SMS

	}

}
