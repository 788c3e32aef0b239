package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Where a credit card stands: its limit, what is owed on it, and the next payment.
 *
 * @param balance what the customer owes
 * @param paymentDueDate null when nothing is due
 */
public record CreditCardBalance(Card card, BigDecimal creditLimit, BigDecimal balance, BigDecimal minimumPayment,
		@Nullable LocalDate paymentDueDate, String currency) {

	/** What may still be spent; never below zero. */
	public BigDecimal available() {
		BigDecimal available = this.creditLimit.subtract(this.balance);
		return available.signum() < 0 ? BigDecimal.ZERO.setScale(2) : available;
	}

}
