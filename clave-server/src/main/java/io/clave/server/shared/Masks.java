package io.clave.server.shared;

/** Masks for data that have no value type of their own. */
public final class Masks {

	private Masks() {
	}

	/** PCI DSS: at most the last four digits of a card number are shown. */
	public static String cardLastFour(String lastFour) {
		return "**** **** **** " + lastFour;
	}

	public static String accountNumber(String number) {
		if (number == null || number.length() < 4) {
			return "****";
		}
		return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
	}

}
