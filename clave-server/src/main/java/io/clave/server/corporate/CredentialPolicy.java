package io.clave.server.corporate;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.server.identity.CommonPasswords;

import org.springframework.stereotype.Component;

/**
 * The seed's rules for definitive credentials: a username of 8 to 14 characters, a password of 8 to 20 with upper
 * case, lower case and digits, different from the username; and its advice made a rule: neither may contain the
 * person's names or surnames, nor a date (birthdays, anniversaries), and the password is not a common one.
 */
@Component
public class CredentialPolicy {

	/** Day, month and year as people write them: 14/02/1990, 14-2-90, 1990.02.14 … */
	private static final Pattern SEPARATED_DATE = Pattern
		.compile("\\d{1,4}[/.\\-]\\d{1,2}[/.\\-]\\d{2,4}|\\d{1,2}[/.\\-]\\d{1,2}");

	private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");

	private static final Pattern DIGIT_RUN = Pattern.compile("\\d{6,8}");

	private final CorporateSettings settings;

	private final CommonPasswords common;

	CredentialPolicy(CorporateSettings settings, CommonPasswords common) {
		this.settings = settings;
		this.common = common;
	}

	public Optional<CredentialRule> checkUsername(String username, String firstNames, String lastNames) {
		if (username == null || username.isBlank()) {
			return Optional.of(CredentialRule.USERNAME_REQUIRED);
		}
		int length = username.length();
		if (length < this.settings.usernameMinLength() || length > this.settings.usernameMaxLength()) {
			return Optional.of(CredentialRule.USERNAME_LENGTH);
		}
		if (!username.matches("[A-Za-z0-9._-]+")) {
			return Optional.of(CredentialRule.USERNAME_CHARACTERS);
		}
		if (containsName(username, firstNames, lastNames)) {
			return Optional.of(CredentialRule.USERNAME_PERSONAL_DATA);
		}
		if (containsDate(username)) {
			return Optional.of(CredentialRule.USERNAME_DATE);
		}
		return Optional.empty();
	}

	public Optional<CredentialRule> checkPassword(String password, String confirmation, String username,
			String firstNames, String lastNames) {
		if (password == null || password.isEmpty()) {
			return Optional.of(CredentialRule.PASSWORD_REQUIRED);
		}
		int length = password.codePointCount(0, password.length());
		if (length < this.settings.passwordMinLength() || length > this.settings.passwordMaxLength()) {
			return Optional.of(CredentialRule.PASSWORD_LENGTH);
		}
		if (password.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
			return Optional.of(CredentialRule.PASSWORD_CHARACTERS);
		}
		if (!(password.codePoints().anyMatch(Character::isUpperCase)
				&& password.codePoints().anyMatch(Character::isLowerCase)
				&& password.chars().anyMatch(c -> c >= '0' && c <= '9'))) {
			return Optional.of(CredentialRule.PASSWORD_MIXED);
		}
		if (!password.equals(confirmation)) {
			return Optional.of(CredentialRule.PASSWORD_CONFIRMATION);
		}
		if (username != null && !username.isBlank()
				&& plain(password).contains(plain(username))) {
			return Optional.of(CredentialRule.PASSWORD_SAME_AS_USERNAME);
		}
		if (containsName(password, firstNames, lastNames)) {
			return Optional.of(CredentialRule.PASSWORD_PERSONAL_DATA);
		}
		if (containsDate(password)) {
			return Optional.of(CredentialRule.PASSWORD_DATE);
		}
		if (this.common.contains(password)) {
			return Optional.of(CredentialRule.PASSWORD_COMMON);
		}
		return Optional.empty();
	}

	public int usernameMinLength() {
		return this.settings.usernameMinLength();
	}

	public int usernameMaxLength() {
		return this.settings.usernameMaxLength();
	}

	public int passwordMinLength() {
		return this.settings.passwordMinLength();
	}

	public int passwordMaxLength() {
		return this.settings.passwordMaxLength();
	}

	static boolean containsName(String text, String firstNames, String lastNames) {
		String plain = plain(text);
		for (String part : (firstNames + " " + lastNames).split("\\s+")) {
			String name = plain(part);
			if (name.length() >= 3 && plain.contains(name)) {
				return true;
			}
		}
		return false;
	}

	/** A year (1900–2099), a date with separators, or six to eight digits that read as a date. */
	static boolean containsDate(String text) {
		if (SEPARATED_DATE.matcher(text).find() || YEAR.matcher(text).find()) {
			return true;
		}
		Matcher digits = DIGIT_RUN.matcher(text);
		while (digits.find()) {
			if (readsAsDate(digits.group())) {
				return true;
			}
		}
		return false;
	}

	private static boolean readsAsDate(String digits) {
		List<int[]> candidates = new ArrayList<>();
		if (digits.length() == 8) {
			candidates.add(new int[] { n(digits, 4, 8), n(digits, 2, 4), n(digits, 0, 2) }); // ddMMyyyy
			candidates.add(new int[] { n(digits, 0, 4), n(digits, 4, 6), n(digits, 6, 8) }); // yyyyMMdd
			candidates.add(new int[] { n(digits, 4, 8), n(digits, 0, 2), n(digits, 2, 4) }); // MMddyyyy
		}
		else if (digits.length() == 6) {
			candidates.add(new int[] { 2000 + n(digits, 4, 6), n(digits, 2, 4), n(digits, 0, 2) }); // ddMMyy
			candidates.add(new int[] { 2000 + n(digits, 0, 2), n(digits, 2, 4), n(digits, 4, 6) }); // yyMMdd
		}
		for (int[] date : candidates) {
			try {
				LocalDate.of(date[0], date[1], date[2]);
				return true;
			}
			catch (DateTimeException ex) {
				// not this reading
			}
		}
		return false;
	}

	private static int n(String digits, int from, int to) {
		return Integer.parseInt(digits.substring(from, to));
	}

	static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[\\s\\-_.,/]", "");
	}

}
