package io.clave.server.corebanking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wrong card data per card, and the block that follows too many, for one flow: each flow that checks cards
 * (enrollment, recovery) declares its own counter as a bean, over its own table, with its own limits, so that a
 * block in one flow does not block the other. The table has the columns {@code card_id} (unique),
 * {@code failures}, {@code blocked_until} and {@code updated_at}.
 */
public class CardAttemptCounter {

	private final JdbcClient jdbc;

	private final String table;

	private final int maxAttempts;

	private final Duration blockDuration;

	/**
	 * @param table the flow's table (a fixed name, never user input)
	 * @param maxAttempts wrong card data after which the card is blocked for the flow
	 * @param blockDuration how long such a card stays blocked for the flow
	 */
	public CardAttemptCounter(JdbcClient jdbc, String table, int maxAttempts, Duration blockDuration) {
		if (!table.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		this.jdbc = jdbc;
		this.table = table;
		this.maxAttempts = maxAttempts;
		this.blockDuration = blockDuration;
	}

	public Optional<Instant> blockedUntil(long cardId, Instant now) {
		return this.jdbc.sql("SELECT blocked_until FROM " + this.table + " WHERE card_id = ? AND blocked_until > ?")
			.params(cardId, Timestamp.from(now))
			.query((rs, row) -> rs.getTimestamp("blocked_until").toInstant())
			.optional();
	}

	/** Counts a failure in its own transaction (so nothing rolls it back); true when the card is now blocked. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean recordFailure(long cardId, Instant now) {
		int failures = this.jdbc.sql("""
				INSERT INTO %1$s (card_id, failures, updated_at) VALUES (?, 1, ?)
				ON CONFLICT (card_id) DO UPDATE SET failures = %1$s.failures + 1,
				                                    updated_at = EXCLUDED.updated_at
				RETURNING failures""".formatted(this.table))
			.params(cardId, Timestamp.from(now))
			.query(Integer.class)
			.single();
		if (failures >= this.maxAttempts) {
			this.jdbc.sql("UPDATE " + this.table + " SET failures = 0, blocked_until = ? WHERE card_id = ?")
				.params(Timestamp.from(now.plus(this.blockDuration)), cardId)
				.update();
			return true;
		}
		return false;
	}

	public void reset(long cardId) {
		this.jdbc.sql("UPDATE " + this.table + " SET failures = 0 WHERE card_id = ?").param(cardId).update();
	}

	@Override
	public String toString() {
		return "CardAttemptCounter[" + this.table + "]";
	}

}
