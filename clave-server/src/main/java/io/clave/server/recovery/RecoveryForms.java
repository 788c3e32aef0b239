package io.clave.server.recovery;

/** What crosses the wire at each step, for the pages and for the JSON API alike. Never an entity. */
public final class RecoveryForms {

	private RecoveryForms() {
	}

	public record DebitCardForm(String cedula, String cardNumber, String pin, String issueDate, String expiryYear) {

		@Override
		public String toString() {
			return "DebitCardForm[masked]";
		}

	}

	public record CreditCardForm(String cardNumber, String expiryMonth, String expiryYear, String pin,
			String savingsAccount) {

		@Override
		public String toString() {
			return "CreditCardForm[masked]";
		}

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
