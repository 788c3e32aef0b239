package io.clave.server.audit;

import java.util.Map;
import java.util.UUID;

import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuditTrailTests extends IntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	private final ClientContext client = new ClientContext("203.0.113.7", "JUnit");

	@Test
	void recordsEventsWhoseChainVerifies() {
		String subject = "customer:" + UUID.randomUUID();
		this.audit.record(AuditEvent.success("TEST_EVENT", subject, this.client).with("step", "one"));
		this.audit.record(AuditEvent.failure("TEST_EVENT", subject, this.client, "wrong"));
		assertThat(this.audit.forSubject(subject, 10)).extracting(RecordedAuditEvent::outcome)
			.containsExactly(Outcome.FAILURE, Outcome.SUCCESS);
		assertThat(this.audit.forSubject(subject, 10).get(1).details()).isEqualTo(Map.of("step", "one"));
		assertThat(this.audit.firstBrokenLink()).isEmpty();
	}

	@Test
	void refusesUpdatesAndDeletes() {
		String subject = "customer:" + UUID.randomUUID();
		this.audit.record(AuditEvent.success("TEST_EVENT", subject, this.client));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE audit_events SET outcome = 'FAILURE' WHERE subject = ?")
				.param(subject)
				.update());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM audit_events WHERE subject = ?").param(subject).update());
	}

	@Test
	void detectsAChangedRecordEvenWhenTheTriggerIsBypassed() {
		String subject = "customer:" + UUID.randomUUID();
		this.audit.record(AuditEvent.failure("TEST_EVENT", subject, this.client, "wrong-pin"));
		long id = this.audit.forSubject(subject, 1).get(0).id();
		tamper("UPDATE audit_events SET outcome = 'SUCCESS' WHERE id = " + id);
		try {
			assertThat(this.audit.firstBrokenLink()).hasValue(id);
		}
		finally {
			tamper("UPDATE audit_events SET outcome = 'FAILURE' WHERE id = " + id);
		}
		assertThat(this.audit.firstBrokenLink()).isEmpty();
	}

	private void tamper(String update) {
		this.jdbc.sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update").update();
		try {
			this.jdbc.sql(update).update();
		}
		finally {
			this.jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update").update();
		}
	}

}
