package io.clave.server.backoffice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operators as stored. */
@Repository
class OperatorStore {

	private final JdbcClient jdbc;

	OperatorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredOperator(UUID id, String username, String displayName, Set<OperatorRole> roles, String passwordHash,
			boolean mustChangePassword, byte[] totpSecretBox, long totpLastStep, int failedAttempts,
			@Nullable Instant lockedUntil, boolean active) {

		boolean lockedAt(Instant now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

	}

	boolean usernameTaken(String username) {
		return this.jdbc.sql("SELECT count(*) FROM operators WHERE lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	void create(UUID id, String username, String displayName, Set<OperatorRole> roles, String passwordHash,
			byte[] totpSecretBox, Instant now) {
		this.jdbc.sql("""
				INSERT INTO operators (id, username, display_name, roles, password_hash, must_change_password,
				                       totp_secret_box, created_at)
				VALUES (?, ?, ?, string_to_array(?, ','), ?, TRUE, ?, ?)""")
			.params(id, username, displayName, roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
					passwordHash, totpSecretBox, Timestamp.from(now))
			.update();
	}

	/** The operator, its row locked until the transaction ends. */
	Optional<StoredOperator> lockByUsername(String username) {
		return this.jdbc.sql("SELECT * FROM operators WHERE lower(username) = lower(?) FOR UPDATE")
			.param(username)
			.query(OperatorStore::map)
			.optional();
	}

	Optional<StoredOperator> lock(UUID id) {
		return this.jdbc.sql("SELECT * FROM operators WHERE id = ? FOR UPDATE").param(id).query(OperatorStore::map).optional();
	}

	Optional<StoredOperator> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM operators WHERE id = ?").param(id).query(OperatorStore::map).optional();
	}

	void countFailure(UUID id, int failedAttempts, @Nullable Instant lockedUntil) {
		this.jdbc.sql("UPDATE operators SET failed_attempts = ?, locked_until = ? WHERE id = ?")
			.params(failedAttempts, lockedUntil == null ? null : Timestamp.from(lockedUntil), id)
			.update();
	}

	void acceptCode(UUID id, long step) {
		this.jdbc.sql("UPDATE operators SET totp_last_step = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?")
			.params(step, id)
			.update();
	}

	void changePassword(UUID id, String passwordHash, Instant now) {
		this.jdbc.sql("""
				UPDATE operators SET password_hash = ?, must_change_password = FALSE, password_changed_at = ?
				WHERE id = ?""")
			.params(passwordHash, Timestamp.from(now), id)
			.update();
	}

	void replaceTotpSecret(UUID id, byte[] totpSecretBox) {
		this.jdbc.sql("UPDATE operators SET totp_secret_box = ?, totp_last_step = -1 WHERE id = ?")
			.params(totpSecretBox, id)
			.update();
	}

	private static StoredOperator map(ResultSet rs, int row) throws SQLException {
		Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
		Arrays.stream((String[]) rs.getArray("roles").getArray()).map(OperatorRole::valueOf).forEach(roles::add);
		Timestamp lockedUntil = rs.getTimestamp("locked_until");
		return new StoredOperator(rs.getObject("id", UUID.class), rs.getString("username"),
				rs.getString("display_name"), roles, rs.getString("password_hash"),
				rs.getBoolean("must_change_password"), rs.getBytes("totp_secret_box"), rs.getLong("totp_last_step"),
				rs.getInt("failed_attempts"), lockedUntil == null ? null : lockedUntil.toInstant(),
				"ACTIVE".equals(rs.getString("state")));
	}

}
