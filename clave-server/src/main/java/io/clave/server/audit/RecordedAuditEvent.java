package io.clave.server.audit;

import java.time.Instant;
import java.util.Map;

/** An audit event as stored, with its place in the chain. */
public record RecordedAuditEvent(long id, Instant occurredAt, String type, Outcome outcome, String subject,
		String ipAddress, String userAgent, Map<String, String> details) {
}
