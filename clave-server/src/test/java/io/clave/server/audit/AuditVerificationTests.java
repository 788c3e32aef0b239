package io.clave.server.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification on the shared test database: whole, then broken by a changed record and by a removed one (with
 * the append-only trigger disabled, as only the table's owner can), each time put back exactly afterwards so that
 * the rest of the suite finds the chain whole; and the {@code audit verify} command, which says the same with its
 * exit status.
 */
class AuditVerificationTests extends IntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditVerification verification;

	@Autowired
	AuditCommand command;

	@Autowired
	JdbcClient jdbc;

	private final ClientContext client = new ClientContext("203.0.113.7", "JUnit");

	@Test
	void theChainOfTheWholeSuiteVerifies() {
		this.audit.record(AuditEvent.success("TEST_EVENT", "customer:" + UUID.randomUUID(), this.client));
		long records = this.jdbc.sql("SELECT count(*) FROM audit_events").query(Long.class).single();
		ChainVerification result = this.verification.verify();
		assertThat(result.isWhole()).as(result.toString()).isTrue();
		assertThat(result.checked()).isGreaterThanOrEqualTo(records);
		assertThat(this.jdbc.sql("SELECT h.last_id = (SELECT max(id) FROM audit_events) FROM audit_chain_head h")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aChangedDetailIsReportedAtItsRecordThenTheChainIsWholeAgain() {
		long id = recordThree().get(1);
		String original = this.jdbc.sql("SELECT details::text FROM audit_events WHERE id = ?").param(id)
			.query(String.class)
			.single();
		tamper(() -> this.jdbc.sql("UPDATE audit_events SET details = '{\"step\": \"forged\"}' WHERE id = ?")
			.param(id)
			.update());
		try {
			assertThat(this.verification.verify()).extracting(ChainVerification::brokenAt, ChainVerification::problem)
				.containsExactly(id, ChainVerification.Problem.CHANGED);
			assertThat(this.audit.firstBrokenLink()).hasValue(id);
		}
		finally {
			tamper(() -> this.jdbc.sql("UPDATE audit_events SET details = CAST(? AS jsonb) WHERE id = ?")
				.params(original, id)
				.update());
		}
		assertThat(this.verification.verify().isWhole()).isTrue();
	}

	@Test
	void aRemovedRecordIsReportedAtTheNextOneThenPutBackExactly() {
		List<Long> ids = recordThree();
		long removed = ids.get(1);
		Map<String, Object> row = this.jdbc.sql("""
				SELECT occurred_at, type, outcome, subject, ip_address, user_agent, details::text AS details,
				       previous_hash, hash
				FROM audit_events WHERE id = ?""").param(removed).query().singleRow();
		OffsetDateTime at = this.jdbc.sql("SELECT occurred_at FROM audit_events WHERE id = ?").param(removed)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.single();
		tamper(() -> this.jdbc.sql("DELETE FROM audit_events WHERE id = ?").param(removed).update());
		try {
			assertThat(this.verification.verify()).extracting(ChainVerification::brokenAt, ChainVerification::problem)
				.containsExactly(ids.get(2), ChainVerification.Problem.NOT_LINKED);
		}
		finally {
			this.jdbc.sql("""
					INSERT INTO audit_events (id, occurred_at, type, outcome, subject, ip_address, user_agent, details,
					                          previous_hash, hash)
					VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")
				.params(removed, at, row.get("type"), row.get("outcome"), row.get("subject"), row.get("ip_address"),
						row.get("user_agent"), row.get("details"), row.get("previous_hash"), row.get("hash"))
				.update();
		}
		assertThat(this.verification.verify().isWhole()).isTrue();
	}

	@Test
	void theCommandSaysOkThenNamesTheBrokenRecord() {
		Run whole = runCommandLine("audit", "verify", "--spring.profiles.active=test");
		assertThat(whole.status()).as(whole.err()).isZero();
		assertThat(whole.out()).containsPattern("Audit trail: \\d+ records checked\\. OK");

		long id = recordThree().get(0);
		tamper(() -> this.jdbc.sql("UPDATE audit_events SET outcome = 'SUCCESS' WHERE id = ?").param(id).update());
		try {
			Run broken = run("audit", "verify");
			assertThat(broken.status()).isEqualTo(1);
			assertThat(broken.err()).contains("BROKEN at record " + id + ": its content was changed");
		}
		finally {
			tamper(() -> this.jdbc.sql("UPDATE audit_events SET outcome = 'FAILURE' WHERE id = ?").param(id).update());
		}
		Run again = run("audit", "verify");
		assertThat(again.status()).as(again.err()).isZero();
		assertThat(this.audit.latest(5)).anySatisfy(event -> {
			assertThat(event.type()).isEqualTo("AUDIT_CHAIN_VERIFIED");
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.details()).containsEntry("brokenAt", Long.toString(id)).containsEntry("reason", "CHANGED");
		});
	}

	@Test
	void wrongUsageSaysHowToUseIt() {
		Run wrong = run("audit", "fix");
		assertThat(wrong.status()).isEqualTo(2);
		assertThat(wrong.err()).contains("Usage:", "audit verify");
		assertThat(AuditCommandLine.isAuditCommand(new String[] { "--spring.profiles.active=demo", "audit", "verify" }))
			.isTrue();
		assertThat(AuditCommandLine.isAuditCommand(new String[] { "operator", "create" })).isFalse();
		assertThat(AuditCommandLine.isAuditCommand(new String[0])).isFalse();
	}

	/** Three records in a row (a failure first); their ids. */
	private List<Long> recordThree() {
		String subject = "customer:" + UUID.randomUUID();
		this.audit.record(AuditEvent.failure("TEST_EVENT", subject, this.client, "wrong-pin").with("step", "1"));
		this.audit.record(AuditEvent.success("TEST_EVENT", subject, this.client).with("step", "2"));
		this.audit.record(AuditEvent.success("TEST_EVENT", subject, this.client).with("step", "3"));
		return this.audit.forSubject(subject, 3).stream().map(RecordedAuditEvent::id).sorted().toList();
	}

	private void tamper(Runnable change) {
		this.jdbc.sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update").update();
		try {
			change.run();
		}
		finally {
			this.jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update").update();
		}
	}

	private Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = this.command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static Run runCommandLine(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = AuditCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Run(int status, String out, String err) {
	}

}
