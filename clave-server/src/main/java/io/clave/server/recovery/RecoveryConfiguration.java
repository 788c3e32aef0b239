package io.clave.server.recovery;

import io.clave.server.corebanking.CardAttemptCounter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

	/** Wrong card data per card, and the recovery block that follows too many: apart from enrollment's. */
	@Bean
	CardAttemptCounter recoveryCardAttempts(JdbcClient jdbc, RecoverySettings settings) {
		return new CardAttemptCounter(jdbc, "recovery_card_attempts", settings.maxCardAttempts(),
				settings.cardBlockDuration());
	}

}
