package io.clave.server.recovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recoveries table. Every change goes through a row locked for the caller's transaction. */
@Repository
class RecoveryStore {

	private final JdbcClient jdbc;

	RecoveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(UUID id, byte[] tokenHash, long customerId, UUID userId, long cardId, String questionId, Instant now,
			Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO recoveries (id, token_hash, customer_id, user_id, card_id, step, state, question_id,
				                        created_at, expires_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""")
			.params(id, tokenHash, customerId, userId, cardId, RecoveryStep.CONTACT_CHECK.name(), questionId,
					Timestamp.from(now), Timestamp.from(expiresAt), Timestamp.from(now))
			.update();
	}

	Optional<Recovery> lock(byte[] tokenHash) {
		return this.jdbc.sql("SELECT * FROM recoveries WHERE token_hash = ? FOR UPDATE")
			.param(tokenHash)
			.query(RecoveryStore::map)
			.optional();
	}

	Optional<Recovery> find(byte[] tokenHash) {
		return this.jdbc.sql("SELECT * FROM recoveries WHERE token_hash = ?")
			.param(tokenHash)
			.query(RecoveryStore::map)
			.optional();
	}

	void moveTo(UUID id, RecoveryStep step, Instant now) {
		this.jdbc.sql("UPDATE recoveries SET step = ?, updated_at = ? WHERE id = ?")
			.params(step.name(), Timestamp.from(now), id)
			.update();
	}

	/** One more wrong answer; the new count. */
	int countWrongAnswer(UUID id, Instant now) {
		return this.jdbc.sql("""
				UPDATE recoveries SET wrong_answers = wrong_answers + 1, updated_at = ? WHERE id = ?
				RETURNING wrong_answers""")
			.params(Timestamp.from(now), id)
			.query(Integer.class)
			.single();
	}

	void end(UUID id, String state, Instant now) {
		this.jdbc.sql("UPDATE recoveries SET state = ?, updated_at = ? WHERE id = ?")
			.params(state, Timestamp.from(now), id)
			.update();
	}

	/** Finished: the success page may still be shown until {@code showUntil}, then the token is worth nothing. */
	void complete(UUID id, Instant now, Instant showUntil) {
		this.jdbc.sql("""
				UPDATE recoveries SET state = 'COMPLETED', step = ?, completed_at = ?, updated_at = ?, expires_at = ?
				WHERE id = ?""")
			.params(RecoveryStep.COMPLETED.name(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(showUntil),
					id)
			.update();
	}

	private static Recovery map(ResultSet rs, int row) throws SQLException {
		return new Recovery(rs.getObject("id", UUID.class), rs.getLong("customer_id"),
				rs.getObject("user_id", UUID.class), rs.getLong("card_id"), RecoveryStep.valueOf(rs.getString("step")),
				rs.getString("state"), rs.getString("question_id"), rs.getInt("wrong_answers"),
				rs.getTimestamp("expires_at").toInstant());
	}

}
