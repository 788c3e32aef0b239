package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * A valid row of the import file, held only while its batch is loaded. The clear PIN is dropped as soon as it is
 * hashed ({@link #takePin()}); nothing of this class is ever logged.
 */
final class ImportRow {

	final long line;

	final String cedula;

	final String firstNames;

	final String lastNames;

	final LocalDate birthDate;

	final String email;

	final String mobile;

	@Nullable String pan;

	@Nullable CardKind cardKind;

	private @Nullable String pin;

	@Nullable LocalDate issueDate;

	@Nullable YearMonth expiry;

	@Nullable CardState cardState;

	byte @Nullable [] panHash;

	long cardId;

	byte @Nullable [] pinHash;

	@Nullable String accountNumber;

	@Nullable AccountKind accountKind;

	@Nullable BigDecimal balance;

	ImportRow(long line, String cedula, String firstNames, String lastNames, LocalDate birthDate, String email,
			String mobile) {
		this.line = line;
		this.cedula = cedula;
		this.firstNames = firstNames;
		this.lastNames = lastNames;
		this.birthDate = birthDate;
		this.email = email;
		this.mobile = mobile;
	}

	void card(String pan, CardKind kind, @Nullable String pin, LocalDate issueDate, YearMonth expiry,
			CardState state) {
		this.pan = pan;
		this.cardKind = kind;
		this.pin = pin;
		this.issueDate = issueDate;
		this.expiry = expiry;
		this.cardState = state;
	}

	void account(String number, AccountKind kind, BigDecimal balance) {
		this.accountNumber = number;
		this.accountKind = kind;
		this.balance = balance;
	}

	boolean hasCard() {
		return this.pan != null;
	}

	/** The clear PIN, once: afterwards the row no longer holds it. */
	@Nullable String takePin() {
		String taken = this.pin;
		this.pin = null;
		return taken;
	}

	@Override
	public String toString() {
		return "ImportRow[line=" + this.line + "]";
	}

}
