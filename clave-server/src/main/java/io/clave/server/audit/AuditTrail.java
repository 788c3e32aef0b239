package io.clave.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

	private static final byte[] GENESIS = new byte[32];

	private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final ObjectMapper json;

	private final Clock clock;

	AuditTrail(AuditConnections connections, ObjectMapper json, Clock clock) {
		this.jdbc = connections.jdbc();
		this.ownTransaction = connections.ownTransaction();
		this.json = json;
		this.clock = clock;
	}

	public void record(AuditEvent event) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String details = this.json.writeValueAsString(event.details());
		this.ownTransaction.executeWithoutResult(status -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
			byte[] previous = this.jdbc.sql("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1")
				.query(byte[].class)
				.optional()
				.orElse(GENESIS);
			byte[] hash = chainHash(previous, now, event.type(), event.outcome().name(), event.subject(),
					event.client().ipAddress(), event.client().userAgent(), details);
			this.jdbc.sql("""
					INSERT INTO audit_events (occurred_at, type, outcome, subject, ip_address, user_agent, details,
					                          previous_hash, hash)
					VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")
				.params(Timestamp.from(now), event.type(), event.outcome().name(), event.subject(),
						event.client().ipAddress(), event.client().userAgent(), details, previous, hash)
				.update();
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

	/** The id of the first record whose hash or link does not match, if any. */
	public OptionalLong firstBrokenLink() {
		byte[][] previous = { GENESIS };
		long[] broken = { -1 };
		this.jdbc.sql("""
				SELECT id, occurred_at, type, outcome, subject, ip_address, user_agent, details::text AS details,
				       previous_hash, hash
				FROM audit_events ORDER BY id""").query(rs -> {
			if (broken[0] >= 0) {
				return;
			}
			String details = this.json.writeValueAsString(readDetails(rs.getString("details")));
			byte[] expected = chainHash(previous[0], rs.getTimestamp("occurred_at").toInstant(), rs.getString("type"),
					rs.getString("outcome"), rs.getString("subject"), rs.getString("ip_address"),
					rs.getString("user_agent"), details);
			if (!MessageDigest.isEqual(previous[0], rs.getBytes("previous_hash"))
					|| !MessageDigest.isEqual(expected, rs.getBytes("hash"))) {
				broken[0] = rs.getLong("id");
				return;
			}
			previous[0] = rs.getBytes("hash");
		});
		return broken[0] >= 0 ? OptionalLong.of(broken[0]) : OptionalLong.empty();
	}

	private RecordedAuditEvent map(ResultSet rs, int row) throws SQLException {
		return new RecordedAuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("type"), Outcome.valueOf(rs.getString("outcome")), rs.getString("subject"),
				rs.getString("ip_address"), rs.getString("user_agent"), readDetails(rs.getString("details")));
	}

	private Map<String, String> readDetails(String text) {
		return this.json.readValue(text, DETAILS);
	}

	private static byte[] chainHash(byte[] previous, Instant at, String type, String outcome, String subject,
			String ip, String userAgent, String details) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previous);
			for (String field : new String[] { at.toString(), type, outcome, subject, ip, userAgent, details }) {
				byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
				sha256.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
						(byte) (bytes.length >>> 8), (byte) bytes.length });
				sha256.update(bytes);
			}
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
