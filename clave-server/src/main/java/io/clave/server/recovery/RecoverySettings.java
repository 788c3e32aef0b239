package io.clave.server.recovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of self-service recovery. The clave temporal follows {@code clave.one-time-key} (length, lifetime,
 * wrong entries, cool-down and resends) and the new password {@code clave.identity} (policy and history).
 *
 * @param lifetime a recovery not finished within this time expires and must start again (15 minutes)
 * @param maxCardAttempts wrong card data after which the card is blocked for recovery (3)
 * @param cardBlockDuration how long such a card stays blocked for recovery (24 hours)
 * @param maxWrongAnswers wrong answers to the challenge question that end the recovery (3)
 * @param successPageLifetime how long after finishing the success page (with the username) can still be shown
 * (5 minutes)
 */
@ConfigurationProperties("clave.recovery")
public record RecoverySettings(@DefaultValue("15m") Duration lifetime, @DefaultValue("3") int maxCardAttempts,
		@DefaultValue("24h") Duration cardBlockDuration, @DefaultValue("3") int maxWrongAnswers,
		@DefaultValue("5m") Duration successPageLifetime) {
}
