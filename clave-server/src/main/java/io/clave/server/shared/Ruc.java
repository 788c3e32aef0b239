package io.clave.server.shared;

import java.util.Optional;

/**
 * An Ecuadorian taxpayer number (RUC): 13 digits, the province, and by the third digit a natural person (a valid
 * cédula and an establishment), a public entity (modulo 11 over eight digits) or a private company (modulo 11 over
 * nine). Like python-stdnum, a third digit 6 that fails the public rule may be a natural person's, and a third digit 9
 * may follow the public rule (companies issued such numbers exist).
 */
public record Ruc(String value) {

	private static final int[] PUBLIC_WEIGHTS = { 3, 2, 7, 6, 5, 4, 3, 2 };

	private static final int[] PRIVATE_WEIGHTS = { 4, 3, 2, 7, 6, 5, 4, 3, 2 };

	public Ruc {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a valid RUC");
		}
	}

	/** What kind of taxpayer the number names. */
	public enum Kind {
		NATURAL_PERSON, PUBLIC_ENTITY, PRIVATE_COMPANY
	}

	public static Optional<Ruc> parse(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String digits = raw.strip().replace("-", "").replace(" ", "");
		return isValid(digits) ? Optional.of(new Ruc(digits)) : Optional.empty();
	}

	public static boolean isValid(String digits) {
		return kindOf(digits).isPresent();
	}

	public static Optional<Kind> kindOf(String digits) {
		if (digits == null || digits.length() != 13 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.empty();
		}
		int province = Integer.parseInt(digits.substring(0, 2));
		if (!((province >= 1 && province <= 24) || province == 30 || province == 50)) {
			return Optional.empty();
		}
		int third = digits.charAt(2) - '0';
		if (third < 6) {
			return natural(digits) ? Optional.of(Kind.NATURAL_PERSON) : Optional.empty();
		}
		if (third == 6) {
			if (publicEntity(digits)) {
				return Optional.of(Kind.PUBLIC_ENTITY);
			}
			return natural(digits) ? Optional.of(Kind.NATURAL_PERSON) : Optional.empty();
		}
		if (third == 9) {
			if (publicEntity(digits) || privateCompany(digits)) {
				return Optional.of(Kind.PRIVATE_COMPANY);
			}
		}
		return Optional.empty();
	}

	private static boolean natural(String digits) {
		return Cedula.isValid(digits.substring(0, 10)) && !digits.endsWith("000");
	}

	private static boolean publicEntity(String digits) {
		return modulo11(digits, PUBLIC_WEIGHTS) == digits.charAt(8) - '0' && !digits.endsWith("0000");
	}

	private static boolean privateCompany(String digits) {
		return modulo11(digits, PRIVATE_WEIGHTS) == digits.charAt(9) - '0' && !digits.endsWith("000");
	}

	/** 0 when the sum is divisible by 11, else 11 minus the remainder; 10 (remainder 1) matches no digit. */
	private static int modulo11(String digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += (digits.charAt(i) - '0') * weights[i];
		}
		int remainder = sum % 11;
		return remainder == 0 ? 0 : 11 - remainder;
	}

	public Kind kind() {
		return kindOf(this.value).orElseThrow();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
