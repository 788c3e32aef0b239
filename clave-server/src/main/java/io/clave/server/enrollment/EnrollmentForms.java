package io.clave.server.enrollment;

/**
 * What crosses the wire at each step, for the pages and for the JSON API alike. Never an entity. The card step's
 * forms are corebanking's {@code DebitCardForm} and {@code CreditCardForm}, shared with recovery.
 */
public final class EnrollmentForms {

	private EnrollmentForms() {
	}

	public record OneTimeKeyForm(String key) {

		@Override
		public String toString() {
			return "OneTimeKeyForm[masked]";
		}

	}

	public record UsernameForm(String username, String confirmation) {
	}

	public record PasswordForm(String password, String confirmation) {

		@Override
		public String toString() {
			return "PasswordForm[masked]";
		}

	}

	public record SecurityImageForm(String image, String phrase) {
	}

	public record ContactDataForm(String homePhone, String workPhone) {
	}

	public record ChallengeForm(String question1, String answer1, String question2, String answer2, String question3,
			String answer3, Boolean acceptTerms) {

		@Override
		public String toString() {
			return "ChallengeForm[masked]";
		}

	}

	public record SecondFactorForm(String choice) {
	}

}
