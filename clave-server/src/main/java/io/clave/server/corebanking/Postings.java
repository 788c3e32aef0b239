package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves money between two accounts of the registry the way the core posts it: both rows locked (in id order, so two
 * opposite transfers cannot deadlock), the debit refused if it would leave the balance negative, then both balances
 * and both movements written. It runs in the caller's transaction, so the posting and whatever ordered it commit or
 * roll back together.
 */
@Service
public class Postings {

	private final JdbcClient jdbc;

	private final AccountMovements movements;

	Postings(JdbcClient jdbc, AccountMovements movements) {
		this.jdbc = jdbc;
		this.movements = movements;
	}

	/** The outcome of a posting and, when it was posted, the two balances after it. */
	public record Posting(Outcome outcome, BigDecimal fromBalance, BigDecimal toBalance) {

		public enum Outcome {
			POSTED, INSUFFICIENT_FUNDS, ACCOUNT_UNAVAILABLE
		}

		static Posting refused(Outcome outcome) {
			return new Posting(outcome, BigDecimal.ZERO, BigDecimal.ZERO);
		}

	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Posting transfer(long fromAccountId, long toAccountId, BigDecimal amount, String debitText,
			String creditText, Instant at) {
		if (amount.signum() <= 0 || fromAccountId == toAccountId) {
			throw new IllegalArgumentException("a positive amount between two accounts");
		}
		List<Account> locked = this.jdbc.sql("""
				SELECT * FROM accounts WHERE id IN (?, ?) AND state = 'ACTIVE' ORDER BY id FOR UPDATE""")
			.params(fromAccountId, toAccountId)
			.query(Accounts::map)
			.list();
		Account from = locked.stream().filter(a -> a.id() == fromAccountId).findFirst().orElse(null);
		Account to = locked.stream().filter(a -> a.id() == toAccountId).findFirst().orElse(null);
		if (from == null || to == null || !from.currency().equals(to.currency())) {
			return Posting.refused(Posting.Outcome.ACCOUNT_UNAVAILABLE);
		}
		BigDecimal fromAfter = from.balance().subtract(amount);
		if (fromAfter.signum() < 0) {
			return Posting.refused(Posting.Outcome.INSUFFICIENT_FUNDS);
		}
		BigDecimal toAfter = to.balance().add(amount);
		this.jdbc.sql("UPDATE accounts SET balance = ? WHERE id = ?").params(fromAfter, fromAccountId).update();
		this.jdbc.sql("UPDATE accounts SET balance = ? WHERE id = ?").params(toAfter, toAccountId).update();
		this.movements.record(fromAccountId, at, debitText, amount.negate(), fromAfter);
		this.movements.record(toAccountId, at, creditText, amount, toAfter);
		return new Posting(Posting.Outcome.POSTED, fromAfter, toAfter);
	}

}
