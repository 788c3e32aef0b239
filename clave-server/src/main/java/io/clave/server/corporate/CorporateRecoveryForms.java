package io.clave.server.corporate;

import org.jspecify.annotations.Nullable;

/** What crosses the wire at each step of a corporate recovery, for the pages and the JSON API alike. */
public final class CorporateRecoveryForms {

	private CorporateRecoveryForms() {
	}

	/** The company's RUC and the user's cédula or passport number. */
	public record StartForm(@Nullable String ruc, @Nullable String documentNumber) {

		@Override
		public String toString() {
			return "StartForm[masked]";
		}

	}

	public record KeyForm(@Nullable String key) {

		@Override
		public String toString() {
			return "KeyForm[masked]";
		}

	}

	public record PasswordForm(@Nullable String password, @Nullable String confirmation) {

		@Override
		public String toString() {
			return "PasswordForm[masked]";
		}

	}

}
