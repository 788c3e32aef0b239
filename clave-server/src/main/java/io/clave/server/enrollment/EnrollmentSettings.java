package io.clave.server.enrollment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of self-enrollment.
 *
 * @param lifetime an enrollment not finished within this time expires and must start again (30 minutes)
 * @param maxCardAttempts wrong card data after which the card is blocked for enrollment (3)
 * @param cardBlockDuration how long such a card stays blocked for enrollment (24 hours)
 */
@ConfigurationProperties("clave.enrollment")
public record EnrollmentSettings(@DefaultValue("30m") Duration lifetime, @DefaultValue("3") int maxCardAttempts,
		@DefaultValue("24h") Duration cardBlockDuration) {
}
