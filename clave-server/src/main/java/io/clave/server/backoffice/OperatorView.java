package io.clave.server.backoffice;

import java.util.Set;
import java.util.UUID;

/** An operator as pages show it: no secret, no counter. */
public record OperatorView(UUID id, String username, String displayName, Set<OperatorRole> roles) {
}
