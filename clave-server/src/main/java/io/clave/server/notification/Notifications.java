package io.clave.server.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Service;

/** Placeholder with the agreed signatures; the outbox implementation replaces it. */
@Service
public class Notifications {

	public void sendOneTimeKey(Recipient to, Channels channels, String purpose, String key, Duration validity,
			Locale locale) {
		throw new UnsupportedOperationException();
	}

	public void sendEnrollmentCompleted(Recipient to, String username, Locale locale) {
		throw new UnsupportedOperationException();
	}

	public void sendLoginNotice(Recipient to, Instant at, String ipAddress, String browser, Locale locale) {
		throw new UnsupportedOperationException();
	}

}
