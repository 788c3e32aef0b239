package io.clave.server.corebanking;

import org.jspecify.annotations.Nullable;

/**
 * The debit card step of enrollment and recovery as typed, on a page or in the JSON API: cédula, card number, PIN,
 * issue date (MM/AAAA) and expiry year. Read by {@link CardholderChecks}; never logged.
 */
public record DebitCardForm(@Nullable String cedula, @Nullable String cardNumber, @Nullable String pin,
		@Nullable String issueDate, @Nullable String expiryYear) {

	@Override
	public String toString() {
		return "DebitCardForm[masked]";
	}

}
