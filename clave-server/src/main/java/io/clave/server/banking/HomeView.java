package io.clave.server.banking;

import java.util.List;
import java.util.Optional;

import io.clave.server.corebanking.Account;
import io.clave.server.corebanking.Card;
import io.clave.server.corebanking.CreditCardBalance;
import io.clave.server.identity.LoginRecord;

/**
 * What the home shows a signed-in customer.
 *
 * @param previousLogin the last successful login before this one; empty at the first login
 * @param debitCards the customer's debit cards (credit cards are in {@code creditCards} with their balances)
 */
public record HomeView(String firstName, String fullName, String username, Optional<LoginRecord> previousLogin,
		List<Account> accounts, List<Card> debitCards, List<CreditCardBalance> creditCards) {

	/** "María Fernanda" is greeted as "María". */
	public String greetingName() {
		String trimmed = this.firstName.strip();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}

}
