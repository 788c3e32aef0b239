package io.clave.server.backoffice.console;

import java.util.UUID;

/** A customer a search found: who, and whether they use online banking. */
public record CustomerHit(long customerId, UUID userId, String fullName, String cedula, String username) {
}
