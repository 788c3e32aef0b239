package io.clave.server.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The online-banking users. Usernames are unique regardless of letter case. */
@Repository
public class Users {

	private final JdbcClient jdbc;

	private final Clock clock;

	Users(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean usernameTaken(String username) {
		return this.jdbc.sql("SELECT count(*) FROM users WHERE username_key = ?")
			.param(key(username))
			.query(Long.class)
			.single() > 0;
	}

	public boolean existsForCustomer(long customerId) {
		return this.jdbc.sql("SELECT count(*) FROM users WHERE customer_id = ?")
			.param(customerId)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<User> findByUsername(String username) {
		return this.jdbc.sql("SELECT * FROM users WHERE username_key = ?")
			.param(key(username))
			.query(Users::map)
			.optional();
	}

	public Optional<User> findById(UUID userId) {
		return this.jdbc.sql("SELECT * FROM users WHERE id = ?").param(userId).query(Users::map).optional();
	}

	public Optional<User> findByCustomer(long customerId) {
		return this.jdbc.sql("SELECT * FROM users WHERE customer_id = ?").param(customerId).query(Users::map).optional();
	}

	public void changeSecurityImage(UUID userId, String image, String phrase) {
		this.jdbc.sql("UPDATE users SET security_image = ?, security_phrase = ? WHERE id = ?")
			.params(image, phrase, userId)
			.update();
	}

	public void changeSecondFactor(UUID userId, SecondFactor secondFactor) {
		this.jdbc.sql("UPDATE users SET second_factor = ? WHERE id = ?").params(secondFactor.name(), userId).update();
	}

	public Optional<String> passwordHashOf(UUID userId) {
		return this.jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(userId).query(String.class).optional();
	}

	/**
	 * Creates the user in the caller's transaction; the unique keys on customer and username make a second
	 * enrollment of the same customer, or a username taken meanwhile, fail instead of finishing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public User register(NewUser user) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO users (id, customer_id, username, username_key, password_hash, security_image,
				                   security_phrase, second_factor, state, created_at, password_changed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
			.params(id, user.customerId(), user.username(), key(user.username()), user.passwordHash(),
					user.securityImage(), user.securityPhrase(), user.secondFactor().name(), now, now)
			.update();
		for (Map.Entry<String, String> answer : user.challengeAnswerHashes().entrySet()) {
			this.jdbc.sql("INSERT INTO challenge_answers (user_id, question_id, answer_hash) VALUES (?, ?, ?)")
				.params(id, answer.getKey(), answer.getValue())
				.update();
		}
		return findByUsername(user.username()).orElseThrow();
	}

	/** The form a username is compared in: letter case does not matter. */
	public static String key(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	static User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getObject("id", UUID.class), rs.getLong("customer_id"), rs.getString("username"),
				rs.getString("security_image"), rs.getString("security_phrase"),
				SecondFactor.valueOf(rs.getString("second_factor")), rs.getString("state"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("failed_attempts"),
				Optional.ofNullable(rs.getTimestamp("locked_until")).map(Timestamp::toInstant).orElse(null),
				rs.getInt("temporary_locks"));
	}

}
