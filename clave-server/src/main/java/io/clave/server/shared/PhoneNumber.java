package io.clave.server.shared;

import java.util.Optional;

/**
 * An Ecuadorian phone number in national format: a mobile (09 followed by 8 digits) or a landline (0, an area
 * code 2 to 7, then 7 digits).
 */
public record PhoneNumber(String value) {

	public PhoneNumber {
		if (!isMobile(value) && !isLandline(value)) {
			throw new IllegalArgumentException("not an Ecuadorian phone number");
		}
	}

	public static Optional<PhoneNumber> parseMobile(String raw) {
		String digits = normalise(raw);
		return isMobile(digits) ? Optional.of(new PhoneNumber(digits)) : Optional.empty();
	}

	public static Optional<PhoneNumber> parseLandline(String raw) {
		String digits = normalise(raw);
		return isLandline(digits) ? Optional.of(new PhoneNumber(digits)) : Optional.empty();
	}

	/** Accepts spaces, dashes, parentheses and the +593 prefix, which people type. */
	static String normalise(String raw) {
		if (raw == null || raw.length() > 25) {
			return "";
		}
		String digits = raw.strip().replaceAll("[\\s()\\-.]", "");
		if (digits.startsWith("+593")) {
			digits = "0" + digits.substring(4);
		}
		return digits;
	}

	static boolean isMobile(String digits) {
		return digits != null && digits.matches("09\\d{8}");
	}

	static boolean isLandline(String digits) {
		return digits != null && digits.matches("0[2-7]\\d{7}");
	}

	public boolean isMobile() {
		return isMobile(this.value);
	}

	/** International form for SMS gateways. */
	public String e164() {
		return "+593" + this.value.substring(1);
	}

	public String masked() {
		return "*".repeat(this.value.length() - 4) + this.value.substring(this.value.length() - 4);
	}

	@Override
	public String toString() {
		return masked();
	}

}
