package io.clave.server.authorization;

import java.math.BigDecimal;

import io.clave.server.shared.Masks;

/**
 * An operation to authorise, exactly as the code binds it.
 *
 * @param amount positive, at most two decimals
 * @param destination the digits of the destination (an account number, or the phone of a cardless withdrawal)
 */
public record Operation(OperationKind kind, BigDecimal amount, String currency, String destination) {

	public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

	public Operation {
		if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
			throw new IllegalArgumentException("an amount above 0 with at most two decimals");
		}
		if (!destination.matches("[0-9]{1,20}")) {
			throw new IllegalArgumentException("a destination of 1 to 20 digits");
		}
		if (!currency.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("an ISO 4217 currency");
		}
		amount = amount.setScale(2);
	}

	public long amountInCents() {
		return this.amount.movePointRight(2).longValueExact();
	}

	public String maskedDestination() {
		return Masks.accountNumber(this.destination);
	}

}
