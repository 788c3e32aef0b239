package io.clave.server.corebanking;

import org.jspecify.annotations.Nullable;

/**
 * The credit card step of enrollment and recovery as typed, on a page or in the JSON API: card number, expiry month
 * and year, PIN and the holder's savings account. Read by {@link CardholderChecks}; never logged.
 */
public record CreditCardForm(@Nullable String cardNumber, @Nullable String expiryMonth, @Nullable String expiryYear,
		@Nullable String pin, @Nullable String savingsAccount) {

	@Override
	public String toString() {
		return "CreditCardForm[masked]";
	}

}
