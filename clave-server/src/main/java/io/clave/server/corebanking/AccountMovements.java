package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The movements of the registry's accounts, newest first. */
@Repository
public class AccountMovements {

	/** The most a statement page asks for at once. */
	public static final int MAX_PAGE = 200;

	private final JdbcClient jdbc;

	AccountMovements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The last {@code count} movements of the account (at most {@value #MAX_PAGE}), newest first. */
	public List<AccountMovement> latest(long accountId, int count) {
		return this.jdbc.sql("""
				SELECT * FROM account_movements WHERE account_id = ? ORDER BY posted_at DESC, id DESC LIMIT ?""")
			.params(accountId, Math.max(0, Math.min(count, MAX_PAGE)))
			.query(AccountMovements::map)
			.list();
	}

	/** Files a movement the core has posted; the caller gives the balance after it as the core computed it. */
	public long record(long accountId, Instant postedAt, String description, BigDecimal amount,
			BigDecimal balanceAfter) {
		return this.jdbc.sql("""
				INSERT INTO account_movements (account_id, posted_at, description, amount, balance_after)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(accountId, Timestamp.from(postedAt), description, amount, balanceAfter)
			.query(Long.class)
			.single();
	}

	static AccountMovement map(ResultSet rs, int row) throws SQLException {
		return new AccountMovement(rs.getLong("id"), rs.getLong("account_id"),
				rs.getTimestamp("posted_at").toInstant(), rs.getString("description"), rs.getBigDecimal("amount"),
				rs.getBigDecimal("balance_after"));
	}

}
