package io.clave.server.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enrollments table. Every change goes through a row locked for the caller's transaction. */
@Repository
class EnrollmentStore {

	private static final TypeReference<TreeMap<String, String>> ANSWERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	EnrollmentStore(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void create(UUID id, byte[] tokenHash, long customerId, long cardId, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO enrollments (id, token_hash, customer_id, card_id, step, state, created_at, expires_at,
				                         updated_at)
				VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
			.params(id, tokenHash, customerId, cardId, EnrollmentStep.CONTACT_CHECK.name(), Timestamp.from(now),
					Timestamp.from(expiresAt), Timestamp.from(now))
			.update();
	}

	Optional<Enrollment> lock(byte[] tokenHash) {
		return this.jdbc.sql("SELECT * FROM enrollments WHERE token_hash = ? FOR UPDATE")
			.param(tokenHash)
			.query(this::map)
			.optional();
	}

	Optional<Enrollment> find(byte[] tokenHash) {
		return this.jdbc.sql("SELECT * FROM enrollments WHERE token_hash = ?").param(tokenHash).query(this::map).optional();
	}

	void moveTo(UUID id, EnrollmentStep step, Instant now) {
		this.jdbc.sql("UPDATE enrollments SET step = ?, updated_at = ? WHERE id = ?")
			.params(step.name(), Timestamp.from(now), id)
			.update();
	}

	void end(UUID id, String state, Instant now) {
		this.jdbc.sql("""
				UPDATE enrollments SET state = ?, updated_at = ?, password_hash = NULL, challenge_answers = NULL
				WHERE id = ?""")
			.params(state, Timestamp.from(now), id)
			.update();
	}

	void saveUsername(UUID id, String username, Instant now) {
		this.jdbc.sql("UPDATE enrollments SET username = ?, step = ?, updated_at = ? WHERE id = ?")
			.params(username, EnrollmentStep.PASSWORD.name(), Timestamp.from(now), id)
			.update();
	}

	void savePasswordHash(UUID id, String passwordHash, Instant now) {
		this.jdbc.sql("UPDATE enrollments SET password_hash = ?, step = ?, updated_at = ? WHERE id = ?")
			.params(passwordHash, EnrollmentStep.SECURITY_IMAGE.name(), Timestamp.from(now), id)
			.update();
	}

	void saveImage(UUID id, String image, String phrase, Instant now) {
		this.jdbc.sql("""
				UPDATE enrollments SET security_image = ?, security_phrase = ?, step = ?, updated_at = ? WHERE id = ?""")
			.params(image, phrase, EnrollmentStep.CONTACT_DATA.name(), Timestamp.from(now), id)
			.update();
	}

	void saveContactData(UUID id, String homePhone, String workPhone, Instant now) {
		this.jdbc.sql("UPDATE enrollments SET home_phone = ?, work_phone = ?, step = ?, updated_at = ? WHERE id = ?")
			.params(homePhone, workPhone, EnrollmentStep.CHALLENGE_QUESTIONS.name(), Timestamp.from(now), id)
			.update();
	}

	void saveChallengeAnswers(UUID id, Map<String, String> answerHashes, Instant now) {
		this.jdbc.sql("""
				UPDATE enrollments SET challenge_answers = CAST(? AS jsonb), terms_accepted_at = ?, step = ?,
				                       updated_at = ?
				WHERE id = ?""")
			.params(this.json.writeValueAsString(answerHashes), Timestamp.from(now),
					EnrollmentStep.SECOND_FACTOR.name(), Timestamp.from(now), id)
			.update();
	}

	void complete(UUID id, String secondFactor, UUID userId, Instant now) {
		this.jdbc.sql("""
				UPDATE enrollments SET state = 'COMPLETED', step = ?, second_factor = ?, user_id = ?,
				       completed_at = ?, updated_at = ?, password_hash = NULL, challenge_answers = NULL
				WHERE id = ?""")
			.params(EnrollmentStep.COMPLETED.name(), secondFactor, userId, Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/** Abandoned enrollments hold a password hash; once expired they are cleared. */
	int expireStale(Instant now) {
		return this.jdbc.sql("""
				UPDATE enrollments SET state = 'EXPIRED', password_hash = NULL, challenge_answers = NULL, updated_at = ?
				WHERE state = 'OPEN' AND expires_at <= ?""")
			.params(Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	private Enrollment map(ResultSet rs, int row) throws SQLException {
		String answers = rs.getString("challenge_answers");
		return new Enrollment(rs.getObject("id", UUID.class), rs.getLong("customer_id"), rs.getLong("card_id"),
				EnrollmentStep.valueOf(rs.getString("step")), rs.getString("state"),
				rs.getTimestamp("expires_at").toInstant(), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("security_image"), rs.getString("security_phrase"), rs.getString("home_phone"),
				rs.getString("work_phone"), answers == null ? Map.of() : this.json.readValue(answers, ANSWERS),
				rs.getString("second_factor"));
	}

}
