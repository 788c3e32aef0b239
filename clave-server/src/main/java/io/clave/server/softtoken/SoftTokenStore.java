package io.clave.server.softtoken;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The activations and tokens as stored. */
@Repository
class SoftTokenStore {

	private final JdbcClient jdbc;

	SoftTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Activation(UUID id, UUID userId, byte[] bindingHmac, byte[] codeHmac, int wrongCodes, String state,
			Instant expiresAt) {
	}

	/** A token as stored; a standard authenticator's has no unlock seed. */
	record Token(UUID id, UUID userId, String state, TokenApp app, String seedKeyId, byte[] seedBox,
			byte @Nullable [] unlockSeedBox, String deviceName, long lastStep, int failedCodes,
			@Nullable Instant activatedAt) {
	}

	// ---- activations ----------------------------------------------------------------------------------------------

	void replaceOpenActivations(UUID userId) {
		this.jdbc.sql("UPDATE soft_token_activations SET state = 'REPLACED' WHERE user_id = ? AND state = 'OPEN'")
			.param(userId)
			.update();
	}

	void createActivation(UUID id, UUID userId, byte[] bindingHmac, byte[] codeHmac, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO soft_token_activations (id, user_id, binding_hmac, code_hmac, state, created_at, expires_at)
				VALUES (?, ?, ?, ?, 'OPEN', ?, ?)""")
			.params(id, userId, bindingHmac, codeHmac, Timestamp.from(now), Timestamp.from(expiresAt))
			.update();
	}

	Optional<Activation> lockActivation(UUID id) {
		return this.jdbc.sql("SELECT * FROM soft_token_activations WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, row) -> new Activation(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getBytes("binding_hmac"), rs.getBytes("code_hmac"), rs.getInt("wrong_codes"),
					rs.getString("state"), rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	void countWrongCode(UUID id, boolean exhausted) {
		this.jdbc.sql("""
				UPDATE soft_token_activations SET wrong_codes = wrong_codes + 1,
				       state = CASE WHEN ? THEN 'EXHAUSTED' ELSE state END WHERE id = ?""")
			.params(exhausted, id)
			.update();
	}

	void useActivation(UUID id, UUID tokenId) {
		this.jdbc.sql("UPDATE soft_token_activations SET state = 'USED', token_id = ? WHERE id = ?")
			.params(tokenId, id)
			.update();
	}

	// ---- tokens -------------------------------------------------------------------------------------------------

	void createToken(UUID id, UUID userId, TokenApp app, String seedKeyId, byte[] seedBox,
			byte @Nullable [] unlockSeedBox, String deviceName, Instant now) {
		this.jdbc.sql("""
				INSERT INTO soft_tokens (id, user_id, state, app, seed_key_id, seed_box, unlock_seed_box, device_name,
				                         created_at)
				VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?)""")
			.params(id, userId, app.name(), seedKeyId, seedBox, unlockSeedBox, deviceName, Timestamp.from(now))
			.update();
	}

	/** Revokes the user's tokens still waiting for their first code (a new one replaces them). */
	int revokePending(UUID userId, Instant now) {
		return this.jdbc.sql("UPDATE soft_tokens SET state = 'REVOKED', revoked_at = ? WHERE user_id = ? AND state = 'PENDING'")
			.params(Timestamp.from(now), userId)
			.update();
	}

	/** The newest token of the user in one of these states, locked for the caller's transaction. */
	Optional<Token> lockNewest(UUID userId, String... states) {
		return this.jdbc.sql("""
				SELECT * FROM soft_tokens WHERE user_id = ? AND state = ANY (?)
				ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
			.params(userId, states)
			.query(SoftTokenStore::map)
			.optional();
	}

	Optional<Token> findInUse(UUID userId) {
		return this.jdbc.sql("SELECT * FROM soft_tokens WHERE user_id = ? AND state IN ('ACTIVE', 'LOCKED')")
			.param(userId)
			.query(SoftTokenStore::map)
			.optional();
	}

	int revokeInUse(UUID userId, Instant now) {
		return this.jdbc.sql("""
				UPDATE soft_tokens SET state = 'REVOKED', revoked_at = ? WHERE user_id = ? AND state IN ('ACTIVE', 'LOCKED')""")
			.params(Timestamp.from(now), userId)
			.update();
	}

	void activate(UUID id, long step, Instant now) {
		this.jdbc.sql("UPDATE soft_tokens SET state = 'ACTIVE', last_step = ?, failed_codes = 0, activated_at = ? WHERE id = ?")
			.params(step, Timestamp.from(now), id)
			.update();
	}

	void accept(UUID id, long step) {
		this.jdbc.sql("UPDATE soft_tokens SET last_step = ?, failed_codes = 0 WHERE id = ?").params(step, id).update();
	}

	void unlock(UUID id) {
		this.jdbc.sql("UPDATE soft_tokens SET state = 'ACTIVE', failed_codes = 0 WHERE id = ? AND state = 'LOCKED'")
			.param(id)
			.update();
	}

	void countFailure(UUID id, boolean lock) {
		this.jdbc.sql("""
				UPDATE soft_tokens SET failed_codes = failed_codes + 1,
				       state = CASE WHEN ? THEN 'LOCKED' ELSE state END WHERE id = ?""")
			.params(lock, id)
			.update();
	}

	/**
	 * Up to {@code limit} tokens in use or pending whose seed is sealed under one of {@code olderKeyIds}, locked for
	 * the caller's transaction. Rows another transaction holds (a code being checked, another instance's reseal) are
	 * skipped, not waited for; a row another reseal has just committed no longer matches and is not returned.
	 */
	List<Token> lockSealedUnder(Collection<String> olderKeyIds, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM soft_tokens WHERE seed_key_id = ANY (?) AND state <> 'REVOKED'
				ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(olderKeyIds.toArray(String[]::new), limit)
			.query(SoftTokenStore::map)
			.list();
	}

	/** The key ids of tokens not revoked that are sealed under none of {@code keyIds}, with how many each. */
	Map<String, Long> countSealedUnderOtherThan(Collection<String> keyIds) {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.sql("""
				SELECT seed_key_id, count(*) AS tokens FROM soft_tokens
				WHERE NOT (seed_key_id = ANY (?)) AND state <> 'REVOKED' GROUP BY seed_key_id""")
			.param(keyIds.toArray(String[]::new))
			.query((ResultSet rs) -> {
				counts.put(rs.getString("seed_key_id"), rs.getLong("tokens"));
			});
		return counts;
	}

	void reseal(UUID id, String keyId, byte[] seedBox, byte @Nullable [] unlockSeedBox) {
		this.jdbc.sql("UPDATE soft_tokens SET seed_key_id = ?, seed_box = ?, unlock_seed_box = ? WHERE id = ?")
			.params(keyId, seedBox, unlockSeedBox, id)
			.update();
	}

	/** Files a signing code's use; false when the same code (token, question, step) was used before. */
	boolean recordSignature(UUID tokenId, byte[] questionHmac, long step, Instant stepStart) {
		return this.jdbc.sql("""
				INSERT INTO soft_token_signatures (token_id, question_hmac, step, step_start)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(tokenId, questionHmac, step, Timestamp.from(stepStart))
			.update() == 1;
	}

	private static Token map(ResultSet rs, int row) throws SQLException {
		Timestamp activated = rs.getTimestamp("activated_at");
		return new Token(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("state"),
				TokenApp.valueOf(rs.getString("app")), rs.getString("seed_key_id"), rs.getBytes("seed_box"), rs.getBytes("unlock_seed_box"),
				rs.getString("device_name"), rs.getLong("last_step"), rs.getInt("failed_codes"),
				activated == null ? null : activated.toInstant());
	}

}
