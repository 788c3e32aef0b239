package io.clave.server.recovery;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects a message code per field; the first problem of a field wins. */
final class FieldErrors {

	static final int MAX_FIELD_LENGTH = 100;

	private final Map<String, String> errors = new LinkedHashMap<>();

	void reject(String field, String code) {
		this.errors.putIfAbsent(field, code);
	}

	/** Trims the value and checks presence, length and control characters; null means rejected. */
	String text(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			reject(field, "field.required");
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > maxLength) {
			reject(field, "field.too-long");
			return null;
		}
		if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
			reject(field, "field.characters");
			return null;
		}
		return trimmed;
	}

	/** Digits only (spaces and dashes people type are removed) of exactly the given lengths. */
	String digits(String field, String value, int minLength, int maxLength, String code) {
		String raw = text(field, value, MAX_FIELD_LENGTH);
		if (raw == null) {
			return null;
		}
		String digits = raw.replaceAll("[\\s-]", "");
		if (!digits.matches("[0-9]{" + minLength + "," + maxLength + "}")) {
			reject(field, code);
			return null;
		}
		return digits;
	}

	boolean any() {
		return !this.errors.isEmpty();
	}

	Map<String, String> asMap() {
		return Map.copyOf(this.errors);
	}

}
