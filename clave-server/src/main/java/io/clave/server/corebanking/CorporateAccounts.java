package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's data about companies, by RUC: the corporate cards of a company, the recent sales and settlements
 * of a merchant.
 */
@Repository
public class CorporateAccounts {

	private final JdbcClient jdbc;

	CorporateAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<CorporateCard> cardsOf(String ruc) {
		return this.jdbc.sql("SELECT * FROM corporate_cards WHERE ruc = ? ORDER BY id")
			.param(ruc)
			.query((rs, row) -> new CorporateCard(rs.getLong("id"), rs.getString("last_four"),
					rs.getString("holder_name"), rs.getBigDecimal("credit_limit"), rs.getBigDecimal("balance"),
					rs.getString("currency"), rs.getString("state")))
			.list();
	}

	/** The merchant's latest sales, newest first (at most 100). */
	public List<MerchantSale> salesOf(String ruc, int count) {
		return this.jdbc.sql("SELECT * FROM merchant_sales WHERE ruc = ? ORDER BY sold_at DESC, id DESC LIMIT ?")
			.params(ruc, Math.max(0, Math.min(count, 100)))
			.query((rs, row) -> new MerchantSale(rs.getLong("id"), rs.getTimestamp("sold_at").toInstant(),
					rs.getString("card_brand"), rs.getString("card_last_four"), rs.getBigDecimal("amount"),
					rs.getString("authorization_code"), rs.getString("currency")))
			.list();
	}

	/** The merchant's latest settlements, newest first (at most 100). */
	public List<MerchantSettlement> settlementsOf(String ruc, int count) {
		return this.jdbc.sql("SELECT * FROM merchant_settlements WHERE ruc = ? ORDER BY settled_on DESC, id DESC LIMIT ?")
			.params(ruc, Math.max(0, Math.min(count, 100)))
			.query((rs, row) -> new MerchantSettlement(rs.getLong("id"), rs.getDate("settled_on").toLocalDate(),
					rs.getBigDecimal("gross"), rs.getBigDecimal("commission"), rs.getBigDecimal("net"),
					rs.getString("state"), rs.getString("currency")))
			.list();
	}

	public long addCard(String ruc, String lastFour, String holderName, BigDecimal creditLimit, BigDecimal balance) {
		return this.jdbc.sql("""
				INSERT INTO corporate_cards (ruc, last_four, holder_name, credit_limit, balance, state)
				VALUES (?, ?, ?, ?, ?, 'ACTIVE') RETURNING id""")
			.params(ruc, lastFour, holderName, creditLimit, balance)
			.query(Long.class)
			.single();
	}

	public long addSale(String ruc, Instant soldAt, String cardBrand, String cardLastFour, BigDecimal amount,
			String authorizationCode) {
		return this.jdbc.sql("""
				INSERT INTO merchant_sales (ruc, sold_at, card_brand, card_last_four, amount, authorization_code)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(ruc, Timestamp.from(soldAt), cardBrand, cardLastFour, amount, authorizationCode)
			.query(Long.class)
			.single();
	}

	public long addSettlement(String ruc, LocalDate settledOn, BigDecimal gross, BigDecimal commission,
			String state) {
		return this.jdbc.sql("""
				INSERT INTO merchant_settlements (ruc, settled_on, gross, commission, net, state)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(ruc, Date.valueOf(settledOn), gross, commission, gross.subtract(commission), state)
			.query(Long.class)
			.single();
	}

}
