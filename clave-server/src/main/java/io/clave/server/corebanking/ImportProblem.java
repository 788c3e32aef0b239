package io.clave.server.corebanking;

import java.util.Locale;

/**
 * Why the core-banking import rejected a row. {@link #code()} names the reason in the back office's bundle
 * ({@code backoffice.import.problem.<code>}); {@link #text()} is the command's English.
 */
public enum ImportProblem {

	COLUMNS("the row does not have the 15 columns of the header"),
	CEDULA("the cédula is not 10 digits with a valid province, third digit and check digit"),
	NAMES("first and last names: 1 to 80 characters each, without control characters"),
	BIRTH_DATE("the birth date is not a date (yyyy-MM-dd) between 1900-01-01 and today"),
	EMAIL("the e-mail address is not valid"),
	MOBILE("the mobile number is not an Ecuadorian mobile (09 and 8 digits)"),
	CARD_NUMBER("the card number is not 13 to 19 digits passing the Luhn check"),
	CARD_KIND("the card kind is not DEBIT or CREDIT"),
	PIN("the PIN is not 4 to 6 digits (what enrollment accepts)"),
	ISSUE_DATE("the card's issue date is not a date (yyyy-MM-dd) or is after its expiry"),
	EXPIRY("the card's expiry is not a month (yyyy-MM)"),
	CARD_STATE("the card state is not ACTIVE, BLOCKED, EXPIRED or CANCELLED"),
	ACCOUNT_NUMBER("the account number is not 6 to 20 digits"),
	ACCOUNT_KIND("the account kind is not SAVINGS or CHECKING"),
	BALANCE("the balance is not an amount with at most 2 decimals below 10,000,000,000,000"),
	EMPTY("the row has neither a card nor an account"),
	CARD_OF_ANOTHER_CUSTOMER("the card number is already registered to another customer"),
	ACCOUNT_OF_ANOTHER_CUSTOMER("the account number is already registered to another customer"),
	REFUSED_BY_DATABASE("the database refused the rows of this batch");

	private final String text;

	ImportProblem(String text) {
		this.text = text;
	}

	/** The reason's name in message keys: {@code backoffice.import.problem.<code>}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The reason in English, for the command's output. */
	public String text() {
		return this.text;
	}

}
