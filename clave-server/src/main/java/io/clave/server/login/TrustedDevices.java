package io.clave.server.login;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.clave.server.secrets.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The trusted-device cookie: a browser or device that passed the second factor can skip it for a while, when the
 * bank's policy is {@code NEW_DEVICE}. The cookie names the user and its expiry and is signed with a keyed hash; it
 * holds nothing secret and is worthless without the password.
 */
@Component
class TrustedDevices {

	static final String COOKIE = "clave-dispositivo";

	private static final String PURPOSE = "trusted-device";

	private final Secrets secrets;

	private final LoginSettings settings;

	private final Clock clock;

	TrustedDevices(Secrets secrets, LoginSettings settings, Clock clock) {
		this.secrets = secrets;
		this.settings = settings;
		this.clock = clock;
	}

	String issue(UUID userId) {
		long expires = this.clock.instant().plus(this.settings.trustedDeviceLifetime()).getEpochSecond();
		String payload = userId + "." + expires;
		return encode(payload) + "." + encode(this.secrets.hmac(PURPOSE, payload));
	}

	boolean trusts(@Nullable String cookie, UUID userId) {
		if (cookie == null || cookie.length() > 300) {
			return false;
		}
		String[] parts = cookie.split("\\.");
		if (parts.length != 2) {
			return false;
		}
		try {
			String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
			byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
			if (!this.secrets.matches(PURPOSE, payload, signature)) {
				return false;
			}
			String[] fields = payload.split("\\.");
			return fields.length == 2 && fields[0].equals(userId.toString())
					&& Instant.ofEpochSecond(Long.parseLong(fields[1])).isAfter(this.clock.instant());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	long maxAgeSeconds() {
		return this.settings.trustedDeviceLifetime().toSeconds();
	}

	private static String encode(String value) {
		return encode(value.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(byte[] value) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
