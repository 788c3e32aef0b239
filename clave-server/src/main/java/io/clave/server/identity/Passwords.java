package io.clave.server.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Checking a user's password and replacing it under the policy and the password history. */
@Component
public class Passwords {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final IdentitySettings settings;

	private final Clock clock;

	/** A hash of nothing anyone will type, checked when the username is unknown so that timing tells nothing. */
	private final String decoyHash;

	Passwords(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, IdentitySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.policy = policy;
		this.settings = settings;
		this.clock = clock;
		this.decoyHash = encoder.encode(UUID.randomUUID().toString());
	}

	public boolean matches(UUID userId, CharSequence candidate) {
		Optional<String> hash = this.jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
			.param(userId)
			.query(String.class)
			.optional();
		if (hash.isEmpty()) {
			return matchesNobody(candidate);
		}
		return this.encoder.matches(candidate, hash.get());
	}

	/** Costs what checking a real password costs, and is always false. */
	public boolean matchesNobody(CharSequence candidate) {
		this.encoder.matches(candidate, this.decoyHash);
		return false;
	}

	/**
	 * Replaces the password when the new one meets the policy and is neither the current one nor one of the last
	 * {@code password-history}; the replaced hash joins the history.
	 */
	@Transactional
	public Optional<PasswordRule> change(User user, String password, String confirmation, PersonalFacts facts) {
		Optional<PasswordRule> refused = this.policy.check(password, confirmation, user.username(), facts);
		if (refused.isPresent()) {
			return refused;
		}
		String current = this.jdbc.sql("SELECT password_hash FROM users WHERE id = ? FOR UPDATE")
			.param(user.id())
			.query(String.class)
			.single();
		List<String> earlier = new ArrayList<>();
		earlier.add(current);
		earlier.addAll(history(user.id()));
		for (String hash : earlier) {
			if (this.encoder.matches(password, hash)) {
				return Optional.of(PasswordRule.RECENTLY_USED);
			}
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("INSERT INTO password_history (user_id, password_hash, replaced_at) VALUES (?, ?, ?)")
			.params(user.id(), current, Timestamp.from(now))
			.update();
		this.jdbc.sql("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?")
			.params(this.encoder.encode(password), Timestamp.from(now), user.id())
			.update();
		this.jdbc.sql("""
				DELETE FROM password_history WHERE user_id = ? AND replaced_at < (
				    SELECT min(replaced_at) FROM (SELECT replaced_at FROM password_history WHERE user_id = ?
				                                  ORDER BY replaced_at DESC LIMIT ?) kept)""")
			.params(user.id(), user.id(), Math.max(this.settings.passwordHistory() - 1, 1))
			.update();
		return Optional.empty();
	}

	private List<String> history(UUID userId) {
		return this.jdbc.sql("""
				SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY replaced_at DESC LIMIT ?""")
			.params(userId, Math.max(this.settings.passwordHistory() - 1, 0))
			.query(String.class)
			.list();
	}

}
