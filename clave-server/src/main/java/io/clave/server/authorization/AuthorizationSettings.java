package io.clave.server.authorization;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of operation authorisations.
 *
 * @param lifetime how long an authorisation waits for its code (5 minutes, like a clave temporal)
 * @param maxWrongCodes wrong codes after which the authorisation is refused (3); a wrong signing code also counts
 * towards the Token digital's lock
 * @param referenceLifetime how long the reference of an authorised operation may be consumed (5 minutes)
 */
@ConfigurationProperties("clave.authorization")
public record AuthorizationSettings(@DefaultValue("5m") Duration lifetime, @DefaultValue("3") int maxWrongCodes,
		@DefaultValue("5m") Duration referenceLifetime) {
}
