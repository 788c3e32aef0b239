package io.clave.server.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder(IdentitySettings settings) {
		IdentitySettings.Argon2 cost = settings.argon2();
		return new Argon2idPasswordEncoder(cost.memoryKib(), cost.iterations(), cost.parallelism());
	}

}
