package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The cards of the core-banking registry, found by their number without ever storing it. */
@Repository
public class Cards {

	private final JdbcClient jdbc;

	private final CardNumbers numbers;

	Cards(JdbcClient jdbc, CardNumbers numbers) {
		this.jdbc = jdbc;
		this.numbers = numbers;
	}

	public Optional<Card> findByNumber(String pan) {
		return this.jdbc.sql("SELECT * FROM cards WHERE pan_hmac = ?")
			.param(this.numbers.panHash(pan))
			.query(Cards::map)
			.optional();
	}

	public Optional<Card> findById(long id) {
		return this.jdbc.sql("SELECT * FROM cards WHERE id = ?").param(id).query(Cards::map).optional();
	}

	/** The customer's cards, debit and credit, in the order they were issued. */
	public List<Card> forCustomer(long customerId) {
		return this.jdbc.sql("SELECT * FROM cards WHERE customer_id = ? ORDER BY id")
			.param(customerId)
			.query(Cards::map)
			.list();
	}

	/** The customer's credit cards with their balances; a card the core gave no balance yet shows zero owed. */
	public List<CreditCardBalance> creditBalancesOf(long customerId) {
		return this.jdbc.sql("SELECT * FROM cards WHERE customer_id = ? AND kind = 'CREDIT' ORDER BY id")
			.param(customerId)
			.query((rs, row) -> new CreditCardBalance(map(rs, row), orZero(rs.getBigDecimal("credit_limit")),
					orZero(rs.getBigDecimal("balance")), orZero(rs.getBigDecimal("minimum_payment")),
					rs.getObject("payment_due_date", LocalDate.class), rs.getString("currency")))
			.list();
	}

	/** Files what the core says a credit card stands at. Refused by the database for a debit card. */
	public void updateCreditBalance(long cardId, BigDecimal creditLimit, BigDecimal balance, BigDecimal minimumPayment,
			LocalDate paymentDueDate) {
		this.jdbc.sql("""
				UPDATE cards SET credit_limit = ?, balance = ?, minimum_payment = ?, payment_due_date = ?
				WHERE id = ?""")
			.params(creditLimit, balance, minimumPayment, paymentDueDate, cardId)
			.update();
	}

	private static BigDecimal orZero(@Nullable BigDecimal value) {
		return value == null ? BigDecimal.ZERO.setScale(2) : value;
	}

	@Transactional
	public long register(long customerId, CardKind kind, String pan, CharSequence pin, LocalDate issueDate,
			YearMonth expiry, CardState state) {
		long id = this.jdbc.sql("""
				INSERT INTO cards (customer_id, kind, pan_hmac, last_four, pin_hmac, issue_date, expiry_month,
				                   expiry_year, state)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(customerId, kind.name(), this.numbers.panHash(pan), pan.substring(pan.length() - 4), new byte[0],
					issueDate, expiry.getMonthValue(), expiry.getYear(), state.name())
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE cards SET pin_hmac = ? WHERE id = ?")
			.params(this.numbers.pinHash(id, pin), id)
			.update();
		return id;
	}

	static Card map(ResultSet rs, int row) throws SQLException {
		return new Card(rs.getLong("id"), rs.getLong("customer_id"), CardKind.valueOf(rs.getString("kind")),
				rs.getString("last_four"), rs.getObject("issue_date", LocalDate.class),
				YearMonth.of(rs.getInt("expiry_year"), rs.getInt("expiry_month")),
				CardState.valueOf(rs.getString("state")));
	}

}
