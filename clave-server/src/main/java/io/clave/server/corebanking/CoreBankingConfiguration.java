package io.clave.server.corebanking;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class CoreBankingConfiguration {

	/** A bank plugs its HSM by declaring its own {@link PinVerifier} bean. */
	@Bean
	@ConditionalOnMissingBean(PinVerifier.class)
	PinVerifier keyedHashPinVerifier(JdbcClient jdbc, CardNumbers numbers) {
		return new KeyedHashPinVerifier(jdbc, numbers);
	}

}
