package io.clave.server.corporate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The corporate_recoveries table (V18). Every change goes through a row locked for the caller's transaction. */
@Repository
class CorporateRecoveryStore {

	private final JdbcClient jdbc;

	CorporateRecoveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new recovery on its key step; a decoy (no user) counts its first make-believe key at once. */
	void create(UUID id, byte[] tokenHash, @Nullable UUID userId, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO corporate_recoveries (id, token_hash, user_id, step, state, decoy_keys_sent, decoy_key_at,
				                                  decoy_key_state, created_at, expires_at, updated_at)
				VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?)""")
			.params(id, tokenHash, userId, CorporateRecoveryStep.ONE_TIME_KEY.name(), userId == null ? 1 : 0,
					userId == null ? Timestamp.from(now) : null, userId == null ? "ACTIVE" : null, Timestamp.from(now),
					Timestamp.from(expiresAt), Timestamp.from(now))
			.update();
	}

	Optional<CorporateRecovery> lock(byte[] tokenHash) {
		return this.jdbc.sql("SELECT * FROM corporate_recoveries WHERE token_hash = ? FOR UPDATE")
			.param(tokenHash)
			.query(CorporateRecoveryStore::map)
			.optional();
	}

	Optional<CorporateRecovery> find(byte[] tokenHash) {
		return this.jdbc.sql("SELECT * FROM corporate_recoveries WHERE token_hash = ?")
			.param(tokenHash)
			.query(CorporateRecoveryStore::map)
			.optional();
	}

	void moveTo(UUID id, CorporateRecoveryStep step, Instant now) {
		this.jdbc.sql("UPDATE corporate_recoveries SET step = ?, updated_at = ? WHERE id = ?")
			.params(step.name(), Timestamp.from(now), id)
			.update();
	}

	/** The decoy's make-believe keys, after a "resend" or a "wrong" entry. */
	void updateDecoy(UUID id, int keysSent, @Nullable Instant keyAt, @Nullable String keyState, int keyWrong,
			int wrongTotal, Instant now) {
		this.jdbc.sql("""
				UPDATE corporate_recoveries SET decoy_keys_sent = ?, decoy_key_at = ?, decoy_key_state = ?,
				       decoy_key_wrong = ?, decoy_wrong_total = ?, updated_at = ?
				WHERE id = ?""")
			.params(keysSent, keyAt == null ? null : Timestamp.from(keyAt), keyState, keyWrong, wrongTotal,
					Timestamp.from(now), id)
			.update();
	}

	void end(UUID id, String state, Instant now) {
		this.jdbc.sql("UPDATE corporate_recoveries SET state = ?, updated_at = ? WHERE id = ?")
			.params(state, Timestamp.from(now), id)
			.update();
	}

	/** Finished on {@code step}: its page may still be shown until {@code showUntil}, then the token is worthless. */
	void complete(UUID id, CorporateRecoveryStep step, Instant now, Instant showUntil) {
		this.jdbc.sql("""
				UPDATE corporate_recoveries SET state = 'COMPLETED', step = ?, completed_at = ?, updated_at = ?,
				       expires_at = ?
				WHERE id = ?""")
			.params(step.name(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(showUntil), id)
			.update();
	}

	private static CorporateRecovery map(ResultSet rs, int row) throws SQLException {
		Timestamp keyAt = rs.getTimestamp("decoy_key_at");
		return new CorporateRecovery(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				CorporateRecoveryStep.valueOf(rs.getString("step")), rs.getString("state"),
				rs.getInt("decoy_keys_sent"), keyAt == null ? null : keyAt.toInstant(),
				rs.getString("decoy_key_state"), rs.getInt("decoy_key_wrong"), rs.getInt("decoy_wrong_total"),
				rs.getTimestamp("expires_at").toInstant());
	}

}
