package io.clave.server.shared;

/** The modulo-10 check of card numbers: a typo check, never an authentication signal. */
public final class Luhn {

	private Luhn() {
	}

	public static boolean isValid(String digits) {
		if (digits == null || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		int sum = 0;
		boolean doubleIt = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubleIt) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubleIt = !doubleIt;
		}
		return sum % 10 == 0;
	}

}
