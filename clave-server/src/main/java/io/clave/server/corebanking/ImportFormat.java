package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.clave.server.shared.Cedula;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.Luhn;
import io.clave.server.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * The import file (docs/core-banking-import.md): UTF-8, comma-separated, a header line, then one row per customer,
 * card and account; fields may be quoted with double quotes ({@code "Andrade, López"}). A customer with two cards has
 * two rows; the card columns or the account columns of a row may be left empty.
 */
final class ImportFormat {

	static final List<String> COLUMNS = List.of("cedula", "first_names", "last_names", "birth_date", "email",
			"mobile", "card_number", "card_kind", "card_pin", "card_issue_date", "card_expiry", "card_state",
			"account_number", "account_kind", "balance");

	static final String HEADER = String.join(",", COLUMNS);

	private static final Pattern PIN = Pattern.compile("\\d{4,6}");

	private static final Pattern ACCOUNT = Pattern.compile("\\d{6,20}");

	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,13}(\\.\\d{1,2})?");

	private static final BigDecimal MAX_BALANCE = new BigDecimal("10000000000000");

	private static final LocalDate OLDEST_BIRTH = LocalDate.of(1900, 1, 1);

	private ImportFormat() {
	}

	static boolean isHeader(String line) {
		String header = line.startsWith("\uFEFF") ? line.substring(1) : line;
		return split(header).stream().map(column -> column.strip().toLowerCase(Locale.ROOT)).toList().equals(COLUMNS);
	}

	/** A row's fields, or null for a row so badly quoted it has no fields. */
	static List<String> split(String line) {
		List<String> fields = new ArrayList<>(COLUMNS.size());
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	/** Either a valid row or why not. */
	sealed interface Parsed permits Valid, Invalid {
	}

	record Valid(ImportRow row) implements Parsed {
	}

	record Invalid(ImportRejection rejection) implements Parsed {
	}

	static Parsed parse(long line, String text, LocalDate today) {
		List<String> f = split(text);
		if (f.size() != COLUMNS.size()) {
			return invalid(line, ImportProblem.COLUMNS, f.isEmpty() ? "" : f.get(0));
		}
		f.replaceAll(String::strip);
		String cedula = f.get(0);
		if (!Cedula.isValid(cedula)) {
			return invalid(line, ImportProblem.CEDULA, cedula);
		}
		if (!name(f.get(1)) || !name(f.get(2))) {
			return invalid(line, ImportProblem.NAMES, cedula);
		}
		LocalDate birth = date(f.get(3));
		if (birth == null || birth.isBefore(OLDEST_BIRTH) || birth.isAfter(today)) {
			return invalid(line, ImportProblem.BIRTH_DATE, cedula);
		}
		var email = EmailAddress.parse(f.get(4));
		if (email.isEmpty()) {
			return invalid(line, ImportProblem.EMAIL, cedula);
		}
		var mobile = PhoneNumber.parseMobile(f.get(5));
		if (mobile.isEmpty()) {
			return invalid(line, ImportProblem.MOBILE, cedula);
		}
		ImportRow row = new ImportRow(line, cedula, f.get(1), f.get(2), birth, email.get().value(),
				mobile.get().value());
		boolean hasCard = f.subList(6, 12).stream().anyMatch(value -> !value.isEmpty());
		if (hasCard) {
			String pan = f.get(6).replace(" ", "");
			if (pan.length() < 13 || pan.length() > 19 || !Luhn.isValid(pan)) {
				return invalid(line, ImportProblem.CARD_NUMBER, cedula);
			}
			CardKind kind = constant(CardKind.class, f.get(7));
			if (kind == null) {
				return invalid(line, ImportProblem.CARD_KIND, cedula);
			}
			String pin = f.get(8);
			if (!pin.isEmpty() && !PIN.matcher(pin).matches()) {
				return invalid(line, ImportProblem.PIN, cedula);
			}
			YearMonth expiry = month(f.get(10));
			if (expiry == null) {
				return invalid(line, ImportProblem.EXPIRY, cedula);
			}
			LocalDate issued = date(f.get(9));
			if (issued == null || issued.isAfter(expiry.atEndOfMonth())) {
				return invalid(line, ImportProblem.ISSUE_DATE, cedula);
			}
			CardState state = constant(CardState.class, f.get(11));
			if (state == null) {
				return invalid(line, ImportProblem.CARD_STATE, cedula);
			}
			row.card(pan, kind, pin.isEmpty() ? null : pin, issued, expiry, state);
		}
		boolean hasAccount = f.subList(12, 15).stream().anyMatch(value -> !value.isEmpty());
		if (hasAccount) {
			String number = f.get(12);
			if (!ACCOUNT.matcher(number).matches()) {
				return invalid(line, ImportProblem.ACCOUNT_NUMBER, cedula);
			}
			AccountKind kind = constant(AccountKind.class, f.get(13));
			if (kind == null) {
				return invalid(line, ImportProblem.ACCOUNT_KIND, cedula);
			}
			BigDecimal balance = amount(f.get(14));
			if (balance == null) {
				return invalid(line, ImportProblem.BALANCE, cedula);
			}
			row.account(number, kind, balance);
		}
		if (!hasCard && !hasAccount) {
			return invalid(line, ImportProblem.EMPTY, cedula);
		}
		return new Valid(row);
	}

	private static Parsed invalid(long line, ImportProblem problem, String cedula) {
		return new Invalid(new ImportRejection(line, problem, ImportRejection.mask(cedula)));
	}

	private static boolean name(String value) {
		return !value.isEmpty() && value.length() <= 80 && value.chars().noneMatch(Character::isISOControl)
				&& value.indexOf('\\') < 0;
	}

	private static @Nullable LocalDate date(String value) {
		try {
			return value.length() == 10 ? LocalDate.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable YearMonth month(String value) {
		try {
			YearMonth month = value.length() == 7 ? YearMonth.parse(value) : null;
			return month != null && month.getYear() >= 1970 && month.getYear() <= 2200 ? month : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable BigDecimal amount(String value) {
		if (!AMOUNT.matcher(value).matches()) {
			return null;
		}
		BigDecimal amount = new BigDecimal(value).setScale(2);
		return amount.abs().compareTo(MAX_BALANCE) < 0 ? amount : null;
	}

	private static <E extends Enum<E>> @Nullable E constant(Class<E> type, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value)) {
				return constant;
			}
		}
		return null;
	}

}
