package io.clave.server.recovery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Wrong card data per card, and the recovery block that follows too many. */
@Repository
class RecoveryCardAttempts {

	private final JdbcClient jdbc;

	private final RecoverySettings settings;

	RecoveryCardAttempts(JdbcClient jdbc, RecoverySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	Optional<Instant> blockedUntil(long cardId, Instant now) {
		return this.jdbc.sql("SELECT blocked_until FROM recovery_card_attempts WHERE card_id = ? AND blocked_until > ?")
			.params(cardId, Timestamp.from(now))
			.query((rs, row) -> rs.getTimestamp("blocked_until").toInstant())
			.optional();
	}

	/** Counts a failure in its own transaction (so nothing rolls it back); true when the card is now blocked. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean recordFailure(long cardId, Instant now) {
		int failures = this.jdbc.sql("""
				INSERT INTO recovery_card_attempts (card_id, failures, updated_at) VALUES (?, 1, ?)
				ON CONFLICT (card_id) DO UPDATE SET failures = recovery_card_attempts.failures + 1,
				                                    updated_at = EXCLUDED.updated_at
				RETURNING failures""")
			.params(cardId, Timestamp.from(now))
			.query(Integer.class)
			.single();
		if (failures >= this.settings.maxCardAttempts()) {
			this.jdbc.sql("UPDATE recovery_card_attempts SET failures = 0, blocked_until = ? WHERE card_id = ?")
				.params(Timestamp.from(now.plus(this.settings.cardBlockDuration())), cardId)
				.update();
			return true;
		}
		return false;
	}

	void reset(long cardId) {
		this.jdbc.sql("UPDATE recovery_card_attempts SET failures = 0 WHERE card_id = ?").param(cardId).update();
	}

}
