package io.clave.server.corporate;

import java.util.Locale;
import java.util.Optional;

import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.FieldErrors;
import io.clave.server.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/** The checks of a company user's personal data, the same on the affiliation and on the administrator's forms. */
final class CompanyUserFields {

	static final int NAME_LENGTH = 80;

	private CompanyUserFields() {
	}

	static Optional<IdentityDocument> document(FieldErrors errors, @Nullable String type, @Nullable String number) {
		IdentityDocument.Type kind;
		try {
			kind = IdentityDocument.Type.valueOf(type == null ? "" : type.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.reject("documentType", "corporate.user.document-type.required");
			return Optional.empty();
		}
		String raw = errors.text("documentNumber", number, 30);
		if (raw == null) {
			return Optional.empty();
		}
		Optional<IdentityDocument> document = IdentityDocument.parse(kind, raw);
		if (document.isEmpty()) {
			errors.reject("documentNumber", kind == IdentityDocument.Type.CEDULA ? "corporate.user.cedula.invalid"
					: "corporate.user.passport.invalid");
		}
		return document;
	}

	static @Nullable String name(FieldErrors errors, String field, @Nullable String value) {
		String text = errors.text(field, value, NAME_LENGTH);
		if (text != null && !text.matches("[\\p{L}][\\p{L} .'-]*")) {
			errors.reject(field, "corporate.user.name.characters");
			return null;
		}
		return text;
	}

	static Optional<EmailAddress> email(FieldErrors errors, @Nullable String value) {
		String text = errors.text("email", value, 254);
		if (text == null) {
			return Optional.empty();
		}
		Optional<EmailAddress> email = EmailAddress.parse(text);
		if (email.isEmpty()) {
			errors.reject("email", "corporate.user.email.invalid");
		}
		return email;
	}

	static Optional<PhoneNumber> mobile(FieldErrors errors, @Nullable String value) {
		String text = errors.text("mobile", value, 25);
		if (text == null) {
			return Optional.empty();
		}
		Optional<PhoneNumber> mobile = PhoneNumber.parseMobile(text);
		if (mobile.isEmpty()) {
			errors.reject("mobile", "corporate.user.mobile.invalid");
		}
		return mobile;
	}

}
