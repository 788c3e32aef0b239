package io.clave.server.identity;

import java.time.Instant;

/** A successful login: when, and from where. */
public record LoginRecord(Instant at, String ipAddress, String userAgent) {
}
