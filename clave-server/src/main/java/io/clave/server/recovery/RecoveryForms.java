package io.clave.server.recovery;

/**
 * What crosses the wire at each step, for the pages and for the JSON API alike. Never an entity. The card step's
 * forms are corebanking's {@code DebitCardForm} and {@code CreditCardForm}, shared with enrollment.
 */
public final class RecoveryForms {

	private RecoveryForms() {
	}

	public record OneTimeKeyForm(String key) {

		@Override
		public String toString() {
			return "OneTimeKeyForm[masked]";
		}

	}

	public record AnswerForm(String answer) {

		@Override
		public String toString() {
			return "AnswerForm[masked]";
		}

	}

	public record PasswordForm(String password, String confirmation) {

		@Override
		public String toString() {
			return "PasswordForm[masked]";
		}

	}

}
