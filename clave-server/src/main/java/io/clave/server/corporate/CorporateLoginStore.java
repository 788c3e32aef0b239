package io.clave.server.corporate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The corporate logins in progress, found by the keyed hash of their token. */
@Repository
class CorporateLoginStore {

	private final JdbcClient jdbc;

	CorporateLoginStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(UUID id, byte[] tokenHash, UUID userId, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO corporate_login_flows (id, token_hash, user_id, step, state, created_at, expires_at,
				                                   updated_at)
				VALUES (?, ?, ?, 'KEY', 'OPEN', ?, ?, ?)""")
			.params(id, tokenHash, userId, Timestamp.from(now), Timestamp.from(expiresAt), Timestamp.from(now))
			.update();
	}

	Optional<CorporateLoginFlow> find(byte[] tokenHash) {
		return this.jdbc.sql("SELECT * FROM corporate_login_flows WHERE token_hash = ?")
			.param(tokenHash)
			.query(CorporateLoginStore::map)
			.optional();
	}

	/** Locks the row so that two submissions of the same step are taken one after the other. */
	Optional<CorporateLoginFlow> lock(UUID id) {
		return this.jdbc.sql("SELECT * FROM corporate_login_flows WHERE id = ? FOR UPDATE")
			.param(id)
			.query(CorporateLoginStore::map)
			.optional();
	}

	void toCredentials(UUID id, Instant now) {
		this.jdbc.sql("UPDATE corporate_login_flows SET step = 'CREDENTIALS', updated_at = ? WHERE id = ? AND state = 'OPEN'")
			.params(Timestamp.from(now), id)
			.update();
	}

	void complete(UUID id, Instant now) {
		this.jdbc.sql("""
				UPDATE corporate_login_flows SET state = 'COMPLETED', completed_at = ?, updated_at = ?
				WHERE id = ?""")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	void end(UUID id, Instant now) {
		this.jdbc.sql("UPDATE corporate_login_flows SET state = 'ENDED', updated_at = ? WHERE id = ? AND state = 'OPEN'")
			.params(Timestamp.from(now), id)
			.update();
	}

	int deleteExpiredBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM corporate_login_flows WHERE expires_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

	private static CorporateLoginFlow map(ResultSet rs, int row) throws SQLException {
		return new CorporateLoginFlow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				CorporateLoginStep.valueOf(rs.getString("step")), rs.getString("state"),
				rs.getTimestamp("expires_at").toInstant());
	}

}
