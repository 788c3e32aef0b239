package io.clave.server.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.clave.server.shared.ClientContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The successful logins of each user, newest first. */
@Component
public class LoginHistory {

	private static final int KEPT_PER_USER = 50;

	private final JdbcClient jdbc;

	LoginHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID userId, Instant at, ClientContext client) {
		this.jdbc.sql("INSERT INTO user_logins (user_id, logged_in_at, ip_address, user_agent) VALUES (?, ?, ?, ?)")
			.params(userId, Timestamp.from(at), client.ipAddress(), truncate(client.userAgent(), 300))
			.update();
		this.jdbc.sql("""
				DELETE FROM user_logins WHERE user_id = ? AND id NOT IN (
				    SELECT id FROM user_logins WHERE user_id = ? ORDER BY logged_in_at DESC, id DESC LIMIT ?)""")
			.params(userId, userId, KEPT_PER_USER)
			.update();
	}

	public List<LoginRecord> recent(UUID userId, int limit) {
		return this.jdbc.sql("""
				SELECT logged_in_at, ip_address, user_agent FROM user_logins WHERE user_id = ?
				ORDER BY logged_in_at DESC, id DESC LIMIT ?""")
			.params(userId, limit)
			.query((rs, row) -> new LoginRecord(rs.getTimestamp("logged_in_at").toInstant(),
					rs.getString("ip_address"), rs.getString("user_agent")))
			.list();
	}

	private static String truncate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}

}
