package io.clave.server.authorization;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuthorizationStore {

	record Stored(UUID id, UUID userId, Operation operation, AuthorizationMethod method, String state, int wrongCodes,
			Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	AuthorizationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(UUID id, UUID userId, Operation operation, AuthorizationMethod method, Instant now, Instant expires) {
		this.jdbc.sql("""
				INSERT INTO operation_authorizations
				    (id, user_id, operation, amount, currency, destination, method, state, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(id, userId, operation.kind().name(), operation.amount(), operation.currency(),
					operation.destination(), method.name(), Timestamp.from(now), Timestamp.from(expires))
			.update();
	}

	Optional<Stored> find(UUID id, UUID userId) {
		return this.jdbc.sql("SELECT * FROM operation_authorizations WHERE id = ? AND user_id = ?")
			.params(id, userId)
			.query(AuthorizationStore::map)
			.optional();
	}

	Optional<Stored> lock(UUID id, UUID userId) {
		return this.jdbc.sql("SELECT * FROM operation_authorizations WHERE id = ? AND user_id = ? FOR UPDATE")
			.params(id, userId)
			.query(AuthorizationStore::map)
			.optional();
	}

	/** Marks a pending authorisation authorised with its reference; false when another request did it first. */
	boolean authorize(UUID id, byte[] referenceHmac, Instant now, Instant referenceExpires) {
		return this.jdbc.sql("""
				UPDATE operation_authorizations SET state = 'AUTHORIZED', reference_hmac = ?, authorized_at = ?,
				       expires_at = ?
				WHERE id = ? AND state = 'PENDING'""")
			.params(referenceHmac, Timestamp.from(now), Timestamp.from(referenceExpires), id)
			.update() == 1;
	}

	/**
	 * Counts a wrong code of a pending authorisation; refuses it at the limit. Returns the wrong codes counted so far;
	 * empty when it no longer waits (authorised meanwhile by a concurrent request with the right code, or over).
	 */
	Optional<Integer> countWrongCode(UUID id, int max) {
		return this.jdbc.sql("""
				UPDATE operation_authorizations SET wrong_codes = wrong_codes + 1,
				       state = CASE WHEN wrong_codes + 1 >= ? THEN 'REFUSED' ELSE state END
				WHERE id = ? AND state = 'PENDING' RETURNING wrong_codes""")
			.params(max, id)
			.query(Integer.class)
			.optional();
	}

	boolean consume(UUID id, UUID userId, Instant now) {
		return this.jdbc.sql("""
				UPDATE operation_authorizations SET state = 'CONSUMED', consumed_at = ?
				WHERE id = ? AND user_id = ? AND state = 'AUTHORIZED' AND expires_at > ?""")
			.params(Timestamp.from(now), id, userId, Timestamp.from(now))
			.update() == 1;
	}

	Optional<UUID> consumeByReference(byte[] referenceHmac, UUID userId, Operation operation, Instant now) {
		return this.jdbc.sql("""
				UPDATE operation_authorizations SET state = 'CONSUMED', consumed_at = ?
				WHERE reference_hmac = ? AND user_id = ? AND state = 'AUTHORIZED' AND expires_at > ?
				  AND operation = ? AND amount = ? AND currency = ? AND destination = ?
				RETURNING id""")
			.params(Timestamp.from(now), referenceHmac, userId, Timestamp.from(now), operation.kind().name(),
					operation.amount(), operation.currency(), operation.destination())
			.query(UUID.class)
			.optional();
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("amount");
		Operation operation = new Operation(OperationKind.valueOf(rs.getString("operation")), amount,
				rs.getString("currency"), rs.getString("destination"));
		return new Stored(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), operation,
				AuthorizationMethod.valueOf(rs.getString("method")), rs.getString("state"), rs.getInt("wrong_codes"),
				rs.getTimestamp("expires_at").toInstant());
	}

}
