package io.clave.server.audit;

import java.util.Map;
import java.util.TreeMap;

import io.clave.server.shared.ClientContext;

/**
 * One step of a flow as the audit trail records it.
 *
 * @param type what happened, e.g. {@code ENROLLMENT_CARD_VERIFIED}
 * @param outcome success or failure
 * @param subject who it concerns, masked or pseudonymous (a customer id, a username), never a secret
 * @param client where the request came from
 * @param details further facts, never a secret
 */
public record AuditEvent(String type, Outcome outcome, String subject, ClientContext client,
		Map<String, String> details) {

	public AuditEvent {
		details = new TreeMap<>(details);
	}

	public static AuditEvent success(String type, String subject, ClientContext client) {
		return new AuditEvent(type, Outcome.SUCCESS, subject, client, Map.of());
	}

	public static AuditEvent failure(String type, String subject, ClientContext client, String reason) {
		return new AuditEvent(type, Outcome.FAILURE, subject, client, Map.of("reason", reason));
	}

	public AuditEvent with(String key, String value) {
		Map<String, String> more = new TreeMap<>(this.details);
		more.put(key, value);
		return new AuditEvent(this.type, this.outcome, this.subject, this.client, more);
	}

}
