package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The savings and checking accounts of the core-banking registry. */
@Repository
public class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Account> findByNumber(String number) {
		return this.jdbc.sql("SELECT * FROM accounts WHERE number = ?").param(number).query(Accounts::map).optional();
	}

	public Optional<Account> findById(long id) {
		return this.jdbc.sql("SELECT * FROM accounts WHERE id = ?").param(id).query(Accounts::map).optional();
	}

	public List<Account> forCustomer(long customerId) {
		return this.jdbc.sql("SELECT * FROM accounts WHERE customer_id = ? ORDER BY id")
			.param(customerId)
			.query(Accounts::map)
			.list();
	}

	/** Another name for {@link #forCustomer(long)}: the customer's accounts in the order they were opened. */
	public List<Account> ofCustomer(long customerId) {
		return forCustomer(customerId);
	}

	/** The account when it belongs to the customer; empty for an unknown account and for another's alike. */
	public Optional<Account> findOwned(long customerId, long accountId) {
		return this.jdbc.sql("SELECT * FROM accounts WHERE id = ? AND customer_id = ?")
			.params(accountId, customerId)
			.query(Accounts::map)
			.optional();
	}

	public long register(long customerId, AccountKind kind, String number, BigDecimal balance) {
		return this.jdbc.sql("""
				INSERT INTO accounts (customer_id, kind, number, balance) VALUES (?, ?, ?, ?) RETURNING id""")
			.params(customerId, kind.name(), number, balance)
			.query(Long.class)
			.single();
	}

	static Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getLong("customer_id"), AccountKind.valueOf(rs.getString("kind")),
				rs.getString("number"), rs.getBigDecimal("balance"), rs.getString("currency"));
	}

}
