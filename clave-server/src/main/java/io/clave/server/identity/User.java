package io.clave.server.identity;

import java.time.Instant;
import java.util.UUID;

/** An online-banking user. Its password hash stays inside this module. */
public record User(UUID id, long customerId, String username, String securityImage, String securityPhrase,
		SecondFactor secondFactor, String state, Instant createdAt) {
}
