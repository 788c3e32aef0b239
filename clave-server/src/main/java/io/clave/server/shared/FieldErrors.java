package io.clave.server.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Collects a message code per field of a form; the first problem of a field wins. The codes ({@code field.required},
 * {@code field.too-long}, {@code field.characters} and the ones callers pass) are the same for every flow.
 */
public final class FieldErrors {

	/** The longest value accepted for a field without a stricter rule of its own. */
	public static final int MAX_FIELD_LENGTH = 100;

	private final Map<String, String> errors = new LinkedHashMap<>();

	public void reject(String field, String code) {
		this.errors.putIfAbsent(field, code);
	}

	/** Trims the value and checks presence, length and control characters; null means rejected. */
	public @Nullable String text(String field, @Nullable String value, int maxLength) {
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
	public @Nullable String digits(String field, @Nullable String value, int minLength, int maxLength, String code) {
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

	public boolean any() {
		return !this.errors.isEmpty();
	}

	public Map<String, String> asMap() {
		return Map.copyOf(this.errors);
	}

}
