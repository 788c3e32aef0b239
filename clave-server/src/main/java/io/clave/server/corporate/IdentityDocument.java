package io.clave.server.corporate;

import java.util.Locale;
import java.util.Optional;

import io.clave.server.shared.Cedula;

/**
 * A person's identity document: an Ecuadorian cédula (ten digits with its check digit) or a passport (5 to 20
 * letters and digits, upper case). Masks itself in {@code toString}.
 */
public record IdentityDocument(Type type, String number) {

	public enum Type {
		CEDULA, PASSPORT
	}

	public IdentityDocument {
		if (!valid(type, number)) {
			throw new IllegalArgumentException("not a valid " + type);
		}
	}

	/** The document as typed (spaces and dashes people type are dropped; a passport is upper-cased). */
	public static Optional<IdentityDocument> parse(Type type, String raw) {
		if (type == null || raw == null) {
			return Optional.empty();
		}
		String number = raw.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
		return valid(type, number) ? Optional.of(new IdentityDocument(type, number)) : Optional.empty();
	}

	private static boolean valid(Type type, String number) {
		return type != null && number != null
				&& (type == Type.CEDULA ? Cedula.isValid(number) : number.matches("[A-Z0-9]{5,20}"));
	}

	public String masked() {
		return "*".repeat(Math.max(0, this.number.length() - 4)) + this.number.substring(Math.max(0,
				this.number.length() - 4));
	}

	@Override
	public String toString() {
		return this.type + " " + masked();
	}

}
