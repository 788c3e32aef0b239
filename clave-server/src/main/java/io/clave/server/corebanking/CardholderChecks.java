package io.clave.server.corebanking;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.server.shared.Cedula;
import io.clave.server.shared.FieldErrors;
import io.clave.server.shared.Luhn;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Proves that someone holds a card, the way enrollment and recovery both ask for it: the debit form (cédula with
 * its check digit, card number with its Luhn digit, PIN, issue month MM/AAAA, expiry year) or the credit form (card
 * number, expiry month and year, PIN, the holder's savings account). First every field is checked for form, each
 * problem a message code per field; then the data are matched against the registry, every comparison running (with
 * {@code &}, not {@code &&}) so that the time taken does not tell which one failed.
 * <p>
 * A flow that must do something between the two (a rate limit before the card is looked up) calls
 * {@code read...} and {@code match}; the others call {@code check...}.
 */
@Component
public class CardholderChecks {

	private static final Pattern MONTH_YEAR = Pattern.compile("^(\\d{1,2})[/\\-](\\d{2}|\\d{4})$");

	private final Cards cards;

	private final Customers customers;

	private final Accounts accounts;

	private final PinVerifier pins;

	CardholderChecks(Cards cards, Customers customers, Accounts accounts, PinVerifier pins) {
		this.cards = cards;
		this.customers = customers;
		this.accounts = accounts;
		this.pins = pins;
	}

	/** Debit card data whose every field is well formed. */
	public record DebitCardData(String cedula, String cardNumber, String pin, YearMonth issued, int expiryYear) {

		@Override
		public String toString() {
			return "DebitCardData[masked]";
		}

	}

	/** Credit card data whose every field is well formed. */
	public record CreditCardData(String cardNumber, YearMonth expiry, String pin, String savingsAccount) {

		@Override
		public String toString() {
			return "CreditCardData[masked]";
		}

	}

	public CardholderCheck checkDebit(DebitCardForm form) {
		FieldErrors errors = new FieldErrors();
		DebitCardData data = readDebit(form, errors);
		return data == null ? CardholderCheck.invalidFields(errors.asMap()) : match(data);
	}

	public CardholderCheck checkCredit(CreditCardForm form) {
		FieldErrors errors = new FieldErrors();
		CreditCardData data = readCredit(form, errors);
		return data == null ? CardholderCheck.invalidFields(errors.asMap()) : match(data);
	}

	/** The well-formed data, or null with the problems in {@code errors}. */
	public @Nullable DebitCardData readDebit(DebitCardForm form, FieldErrors errors) {
		String cedula = errors.digits("cedula", form.cedula(), 10, 10, "cedula.invalid");
		if (cedula != null && !Cedula.isValid(cedula)) {
			errors.reject("cedula", "cedula.invalid");
		}
		String pan = cardNumber(errors, form.cardNumber());
		String pin = errors.digits("pin", form.pin(), 4, 6, "pin.invalid");
		YearMonth issued = monthYear(errors, "issueDate", form.issueDate());
		Integer expiryYear = year(errors, "expiryYear", form.expiryYear());
		if (errors.any() || cedula == null || pan == null || pin == null || issued == null || expiryYear == null) {
			return null;
		}
		return new DebitCardData(cedula, pan, pin, issued, expiryYear);
	}

	/** The well-formed data, or null with the problems in {@code errors}. */
	public @Nullable CreditCardData readCredit(CreditCardForm form, FieldErrors errors) {
		String pan = cardNumber(errors, form.cardNumber());
		String month = errors.digits("expiryMonth", form.expiryMonth(), 1, 2, "month.invalid");
		if (month != null && (Integer.parseInt(month) < 1 || Integer.parseInt(month) > 12)) {
			errors.reject("expiryMonth", "month.invalid");
		}
		Integer expiryYear = year(errors, "expiryYear", form.expiryYear());
		String pin = errors.digits("pin", form.pin(), 4, 6, "pin.invalid");
		String account = errors.digits("savingsAccount", form.savingsAccount(), 6, 20, "account.invalid");
		if (errors.any() || pan == null || month == null || expiryYear == null || pin == null || account == null) {
			return null;
		}
		return new CreditCardData(pan, YearMonth.of(expiryYear, Integer.parseInt(month)), pin, account);
	}

	/** A debit card with this number, held by the customer of this cédula, with this PIN, issue month and expiry. */
	public CardholderCheck match(DebitCardData data) {
		Optional<Card> found = this.cards.findByNumber(data.cardNumber()).filter(card -> card.kind() == CardKind.DEBIT);
		if (found.isEmpty()) {
			return CardholderCheck.unknownCard();
		}
		Card card = found.get();
		Optional<Customer> holder = this.customers.findById(card.customerId());
		// every check runs, so that the time taken does not tell which one failed
		boolean matches = holder.map(c -> c.cedula().value().equals(data.cedula())).orElse(false)
				& this.pins.verify(card, data.pin()) & YearMonth.from(card.issueDate()).equals(data.issued())
				& card.expiry().getYear() == data.expiryYear();
		return matches ? CardholderCheck.matched(card, holder.get()) : CardholderCheck.wrongData(card);
	}

	/** A credit card with this number, PIN and expiry, whose holder owns this savings account. */
	public CardholderCheck match(CreditCardData data) {
		Optional<Card> found = this.cards.findByNumber(data.cardNumber())
			.filter(card -> card.kind() == CardKind.CREDIT);
		if (found.isEmpty()) {
			return CardholderCheck.unknownCard();
		}
		Card card = found.get();
		Optional<Account> savings = this.accounts.findByNumber(data.savingsAccount())
			.filter(a -> a.kind() == AccountKind.SAVINGS && a.customerId() == card.customerId());
		// every check runs, so that the time taken does not tell which one failed
		boolean matches = savings.isPresent() & this.pins.verify(card, data.pin())
				& card.expiry().equals(data.expiry());
		return matches ? CardholderCheck.matched(card, this.customers.findById(card.customerId()).orElseThrow())
				: CardholderCheck.wrongData(card);
	}

	private static @Nullable String cardNumber(FieldErrors errors, @Nullable String raw) {
		String pan = errors.digits("cardNumber", raw, 13, 19, "card-number.invalid");
		if (pan != null && !Luhn.isValid(pan)) {
			errors.reject("cardNumber", "card-number.invalid");
			return null;
		}
		return pan;
	}

	/** MM/AAAA as printed on cards (also MM/AA and MM-AAAA). */
	private static @Nullable YearMonth monthYear(FieldErrors errors, String field, @Nullable String raw) {
		String text = errors.text(field, raw, 10);
		if (text == null) {
			return null;
		}
		Matcher matcher = MONTH_YEAR.matcher(text);
		if (!matcher.matches()) {
			errors.reject(field, "date.invalid");
			return null;
		}
		int month = Integer.parseInt(matcher.group(1));
		int year = Integer.parseInt(matcher.group(2));
		year = year < 100 ? 2000 + year : year;
		if (month < 1 || month > 12 || year < 1990 || year > 2100) {
			errors.reject(field, "date.invalid");
			return null;
		}
		return YearMonth.of(year, month);
	}

	private static @Nullable Integer year(FieldErrors errors, String field, @Nullable String raw) {
		String digits = errors.digits(field, raw, 4, 4, "year.invalid");
		if (digits == null) {
			return null;
		}
		int year = Integer.parseInt(digits);
		if (year < 1990 || year > 2100) {
			errors.reject(field, "year.invalid");
			return null;
		}
		return year;
	}

}
