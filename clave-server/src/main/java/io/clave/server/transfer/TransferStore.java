package io.clave.server.transfer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TransferStore {

	record Stored(UUID id, long customerId, UUID userId, String idempotencyKey, long fromAccountId, long toAccountId,
			BigDecimal amount, String currency, String description, @Nullable UUID authorizationId, String state,
			@Nullable String refusal, Instant createdAt, @Nullable Instant executedAt) {

		boolean sameRequestAs(long from, long to, BigDecimal otherAmount, String otherDescription) {
			return this.fromAccountId == from && this.toAccountId == to && this.amount.compareTo(otherAmount) == 0
					&& this.description.equals(otherDescription);
		}

	}

	private final JdbcClient jdbc;

	TransferStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Files a new transfer unless the customer used this idempotency key already; true when it was filed. */
	boolean insertIfAbsent(UUID id, long customerId, UUID userId, String idempotencyKey, long fromAccountId,
			long toAccountId, BigDecimal amount, String currency, String description, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO transfers (id, customer_id, user_id, idempotency_key, from_account_id, to_account_id,
				                       amount, currency, description, state, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING', ?)
				ON CONFLICT (customer_id, idempotency_key) DO NOTHING""")
			.params(id, customerId, userId, idempotencyKey, fromAccountId, toAccountId, amount, currency, description,
					Timestamp.from(now))
			.update() == 1;
	}

	void setAuthorization(UUID id, UUID authorizationId) {
		this.jdbc.sql("UPDATE transfers SET authorization_id = ? WHERE id = ?").params(authorizationId, id).update();
	}

	Optional<Stored> findByKey(long customerId, String idempotencyKey) {
		return this.jdbc.sql("SELECT * FROM transfers WHERE customer_id = ? AND idempotency_key = ?")
			.params(customerId, idempotencyKey)
			.query(TransferStore::map)
			.optional();
	}

	Optional<Stored> find(UUID id, long customerId) {
		return this.jdbc.sql("SELECT * FROM transfers WHERE id = ? AND customer_id = ?")
			.params(id, customerId)
			.query(TransferStore::map)
			.optional();
	}

	Optional<Stored> lock(UUID id) {
		return this.jdbc.sql("SELECT * FROM transfers WHERE id = ? FOR UPDATE")
			.param(id)
			.query(TransferStore::map)
			.optional();
	}

	List<Stored> recent(long customerId, int count) {
		return this.jdbc.sql("SELECT * FROM transfers WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?")
			.params(customerId, count)
			.query(TransferStore::map)
			.list();
	}

	BigDecimal doneSince(long customerId, Instant since) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(amount), 0) FROM transfers
				WHERE customer_id = ? AND state = 'DONE' AND executed_at >= ?""")
			.params(customerId, Timestamp.from(since))
			.query(BigDecimal.class)
			.single();
	}

	void markDone(UUID id, Instant at) {
		this.jdbc.sql("UPDATE transfers SET state = 'DONE', executed_at = ? WHERE id = ? AND state = 'AWAITING'")
			.params(Timestamp.from(at), id)
			.update();
	}

	boolean refuse(UUID id, String reason) {
		return this.jdbc.sql("UPDATE transfers SET state = 'REFUSED', refusal = ? WHERE id = ? AND state = 'AWAITING'")
			.params(reason, id)
			.update() == 1;
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		Timestamp executed = rs.getTimestamp("executed_at");
		return new Stored(rs.getObject("id", UUID.class), rs.getLong("customer_id"),
				rs.getObject("user_id", UUID.class), rs.getString("idempotency_key"), rs.getLong("from_account_id"),
				rs.getLong("to_account_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getString("description"), rs.getObject("authorization_id", UUID.class), rs.getString("state"),
				rs.getString("refusal"), rs.getTimestamp("created_at").toInstant(),
				executed == null ? null : executed.toInstant());
	}

}
