package io.clave.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Records audit events and checks that the chain of their hashes is whole. */
@Service
public class AuditTrail {

	/** Serialises writers so that each record links to exactly one predecessor, on every instance. */
	private static final long CHAIN_LOCK = 0x436c617665417564L;

	private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final ObjectMapper json;

	private final Clock clock;

	private final AuditVerification verification;

	AuditTrail(AuditConnections connections, ObjectMapper json, Clock clock, AuditVerification verification) {
		this.jdbc = connections.jdbc();
		this.ownTransaction = connections.ownTransaction();
		this.json = json;
		this.clock = clock;
		this.verification = verification;
	}

	public void record(AuditEvent event) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String details = this.json.writeValueAsString(event.details());
		this.ownTransaction.executeWithoutResult(status -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
			// linked to the chain's head rather than to the newest row: were the newest rows removed, the next record
			// would not link to what is left, and the verification would see the gap
			byte[] previous = this.jdbc.sql("SELECT last_hash FROM audit_chain_head")
				.query(byte[].class)
				.optional()
				.orElse(ChainCheck.GENESIS);
			byte[] hash = ChainCheck.hash(previous, now, event.type(), event.outcome().name(), event.subject(),
					event.client().ipAddress(), event.client().userAgent(), details);
			long id = this.jdbc.sql("""
					INSERT INTO audit_events (occurred_at, type, outcome, subject, ip_address, user_agent, details,
					                          previous_hash, hash)
					VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
					RETURNING id""")
				.params(Timestamp.from(now), event.type(), event.outcome().name(), event.subject(),
						event.client().ipAddress(), event.client().userAgent(), details, previous, hash)
				.query(Long.class)
				.single();
			// the chain's head, in the same transaction: what shows that the newest records were removed (V20)
			this.jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ?").params(id, hash).update();
		});
	}

	/** The events about one subject, newest first. */
	public List<RecordedAuditEvent> forSubject(String subject, int limit) {
		return this.jdbc.sql("""
				SELECT id, occurred_at, type, outcome, subject, ip_address, user_agent, details::text AS details
				FROM audit_events WHERE subject = ? ORDER BY id DESC LIMIT ?""")
			.params(subject, limit)
			.query(this::map)
			.list();
	}

	public List<RecordedAuditEvent> latest(int limit) {
		return this.jdbc.sql("""
				SELECT id, occurred_at, type, outcome, subject, ip_address, user_agent, details::text AS details
				FROM audit_events ORDER BY id DESC LIMIT ?""")
			.param(limit)
			.query(this::map)
			.list();
	}

	/**
	 * The id of the first record whose hash or link does not match, or of the newest record when the newest records
	 * were removed, if any; {@link AuditVerification#verify()} says why.
	 */
	public OptionalLong firstBrokenLink() {
		Long broken = this.verification.verify().brokenAt();
		return broken == null ? OptionalLong.empty() : OptionalLong.of(broken);
	}

	private RecordedAuditEvent map(ResultSet rs, int row) throws SQLException {
		return new RecordedAuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("type"), Outcome.valueOf(rs.getString("outcome")), rs.getString("subject"),
				rs.getString("ip_address"), rs.getString("user_agent"), readDetails(rs.getString("details")));
	}

	private Map<String, String> readDetails(String text) {
		return this.json.readValue(text, DETAILS);
	}

}
