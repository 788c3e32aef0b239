package io.clave.server.enrollment;

import io.clave.server.corebanking.CardAttemptCounter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class EnrollmentConfiguration {

	/** Wrong card data per card, and the enrollment block that follows too many. */
	@Bean
	CardAttemptCounter enrollmentCardAttempts(JdbcClient jdbc, EnrollmentSettings settings) {
		return new CardAttemptCounter(jdbc, "enrollment_card_attempts", settings.maxCardAttempts(),
				settings.cardBlockDuration());
	}

}
