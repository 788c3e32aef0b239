package io.clave.server.login;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The logins in progress. */
@Repository
class LoginStore {

	private final JdbcClient jdbc;

	LoginStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(UUID id, byte[] tokenHash, String usernameKey, @Nullable UUID userId, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO login_flows (id, token_hash, username_key, user_id, step, state, created_at, expires_at,
				                         updated_at)
				VALUES (?, ?, ?, ?, 'PASSWORD', 'OPEN', ?, ?, ?)""")
			.params(id, tokenHash, usernameKey, userId, Timestamp.from(now), Timestamp.from(expiresAt),
					Timestamp.from(now))
			.update();
	}

	Optional<LoginFlow> find(byte[] tokenHash) {
		return this.jdbc.sql("SELECT * FROM login_flows WHERE token_hash = ?")
			.param(tokenHash)
			.query(LoginStore::map)
			.optional();
	}

	/** Locks the row so that two submissions of the same step are taken one after the other. */
	Optional<LoginFlow> lock(UUID id) {
		return this.jdbc.sql("SELECT * FROM login_flows WHERE id = ? FOR UPDATE")
			.param(id)
			.query(LoginStore::map)
			.optional();
	}

	void toSecondFactor(UUID id, UUID challengeId, Instant now) {
		this.jdbc.sql("UPDATE login_flows SET step = 'SECOND_FACTOR', challenge_id = ?, updated_at = ? WHERE id = ?")
			.params(challengeId, Timestamp.from(now), id)
			.update();
	}

	void markDeviceTrusted(UUID id) {
		this.jdbc.sql("UPDATE login_flows SET device_trusted = TRUE WHERE id = ?").param(id).update();
	}

	void complete(UUID id, Instant now) {
		this.jdbc.sql("UPDATE login_flows SET state = 'COMPLETED', completed_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	void end(UUID id, Instant now) {
		this.jdbc.sql("UPDATE login_flows SET state = 'ENDED', updated_at = ? WHERE id = ? AND state = 'OPEN'")
			.params(Timestamp.from(now), id)
			.update();
	}

	/** Finished and abandoned logins are of no further use: the audit trail keeps what happened. */
	int deleteOlderThan(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM login_flows WHERE expires_at < ?").param(Timestamp.from(cutoff)).update();
	}

	private static LoginFlow map(ResultSet rs, int row) throws SQLException {
		return new LoginFlow(rs.getObject("id", UUID.class), rs.getString("username_key"),
				rs.getObject("user_id", UUID.class), LoginStep.valueOf(rs.getString("step")), rs.getString("state"),
				rs.getObject("challenge_id", UUID.class), rs.getBoolean("device_trusted"),
				rs.getTimestamp("expires_at").toInstant());
	}

}
