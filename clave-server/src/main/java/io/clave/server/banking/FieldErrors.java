package io.clave.server.banking;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Collects a message code per field; the first problem of a field wins. The same codes as enrollment's. */
final class FieldErrors {

	private final Map<String, String> errors = new LinkedHashMap<>();

	void reject(String field, String code) {
		this.errors.putIfAbsent(field, code);
	}

	/** Trims the value and checks presence, length and control characters; null means rejected. */
	@Nullable String text(String field, @Nullable String value, int maxLength) {
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

	boolean any() {
		return !this.errors.isEmpty();
	}

	Map<String, String> asMap() {
		return Map.copyOf(this.errors);
	}

}
