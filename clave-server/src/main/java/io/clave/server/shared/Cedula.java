package io.clave.server.shared;

import java.util.Optional;

/**
 * An Ecuadorian identity card number (cédula de identidad): ten digits, a province code, a third digit below 6
 * and a modulo-10 check digit.
 */
public record Cedula(String value) {

	public Cedula {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a valid cédula");
		}
	}

	public static Optional<Cedula> parse(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String digits = raw.strip().replace("-", "").replace(" ", "");
		return isValid(digits) ? Optional.of(new Cedula(digits)) : Optional.empty();
	}

	public static boolean isValid(String digits) {
		if (digits == null || digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		int province = Integer.parseInt(digits.substring(0, 2));
		if (!((province >= 1 && province <= 24) || province == 30 || province == 50)) {
			return false;
		}
		int third = digits.charAt(2) - '0';
		if (third > 6) {
			return false;
		}
		return checkDigit(digits.substring(0, 9)) == digits.charAt(9) - '0';
	}

	/** Modulo 10 with coefficients 2,1,2,1,2,1,2,1,2 (products above 9 lose 9). */
	public static int checkDigit(String nineDigits) {
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += product > 9 ? product - 9 : product;
		}
		return (10 - sum % 10) % 10;
	}

	public String masked() {
		return "******" + this.value.substring(6);
	}

	@Override
	public String toString() {
		return masked();
	}

}
