package io.clave.server.onetimekey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the clave temporal.
 *
 * @param length digits of a key (6; NIST SP 800-63B asks for at least 6)
 * @param lifetime how long a key is valid (5 minutes, as the seeds; NIST allows up to 10)
 * @param maxWrongPerKey wrong entries after which a key is dead and a new one must be generated (3)
 * @param maxWrongPerFlow wrong entries in one flow, whatever the number of keys, after which the flow ends (5; PSD2
 * RTS allows at most 5)
 * @param resendCoolDown wait before a new key may be asked for (60 s)
 * @param maxResends new keys that may be asked for after the first one in one flow (3)
 */
@ConfigurationProperties("clave.one-time-key")
public record OneTimeKeySettings(@DefaultValue("6") int length, @DefaultValue("5m") Duration lifetime,
		@DefaultValue("3") int maxWrongPerKey, @DefaultValue("5") int maxWrongPerFlow,
		@DefaultValue("60s") Duration resendCoolDown, @DefaultValue("3") int maxResends) {

	public OneTimeKeySettings {
		if (length < 6 || length > 10) {
			throw new IllegalArgumentException("clave.one-time-key.length must be between 6 and 10");
		}
		if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("clave.one-time-key.lifetime must be positive and at most 10 minutes");
		}
	}

}
