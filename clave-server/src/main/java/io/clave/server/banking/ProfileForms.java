package io.clave.server.banking;

import org.jspecify.annotations.Nullable;

/** What the profile's pages post and the API's requests carry once read. Never an entity. */
public final class ProfileForms {

	private ProfileForms() {
	}

	public record PasswordChangeForm(@Nullable String currentPassword, @Nullable String password,
			@Nullable String confirmation) {

		@Override
		public String toString() {
			return "PasswordChangeForm[masked]";
		}

	}

	public record SecurityImageForm(@Nullable String image, @Nullable String phrase) {
	}

	public record ChallengeForm(@Nullable String question1, @Nullable String answer1, @Nullable String question2,
			@Nullable String answer2, @Nullable String question3, @Nullable String answer3) {

		@Override
		public String toString() {
			return "ChallengeForm[masked]";
		}

	}

	public record PhonesForm(@Nullable String homePhone, @Nullable String workPhone) {
	}

}
