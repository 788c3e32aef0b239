package io.clave.server.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** The rules a new username must meet; uniqueness, which needs the database, is checked by {@link Users}. */
@Component
public class UsernamePolicy {

	private final IdentitySettings settings;

	UsernamePolicy(IdentitySettings settings) {
		this.settings = settings;
	}

	public Optional<UsernameRule> check(String username, String confirmation, PersonalFacts facts) {
		if (username == null || username.isBlank()) {
			return Optional.of(UsernameRule.REQUIRED);
		}
		if (username.length() < this.settings.usernameMinLength()
				|| username.length() > this.settings.usernameMaxLength()) {
			return Optional.of(UsernameRule.LENGTH);
		}
		if (!username.matches("[A-Za-z0-9]+")) {
			return Optional.of(UsernameRule.CHARACTERS);
		}
		if (!username.equals(confirmation)) {
			return Optional.of(UsernameRule.CONFIRMATION_MISMATCH);
		}
		if (facts.isContainedIn(username)) {
			return Optional.of(UsernameRule.PERSONAL_DATA);
		}
		return Optional.empty();
	}

	public int minLength() {
		return this.settings.usernameMinLength();
	}

	public int maxLength() {
		return this.settings.usernameMaxLength();
	}

}
