package io.clave.server.identity;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The rules a new password must meet. The page states them before the customer types. */
@Component
public class PasswordPolicy {

	private final IdentitySettings settings;

	private final CommonPasswords common;

	PasswordPolicy(IdentitySettings settings, CommonPasswords common) {
		this.settings = settings;
		this.common = common;
	}

	public Optional<PasswordRule> check(String password, String confirmation, String username, PersonalFacts facts) {
		if (password == null || password.isEmpty()) {
			return Optional.of(PasswordRule.REQUIRED);
		}
		int length = password.codePointCount(0, password.length());
		if (length < this.settings.passwordMinLength() || length > this.settings.passwordMaxLength()) {
			return Optional.of(PasswordRule.LENGTH);
		}
		if (password.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
			return Optional.of(PasswordRule.CHARACTERS);
		}
		if (this.settings.passwordRequiresMixedCharacters() && !(password.codePoints().anyMatch(Character::isUpperCase)
				&& password.codePoints().anyMatch(Character::isLowerCase)
				&& password.chars().anyMatch(c -> c >= '0' && c <= '9'))) {
			return Optional.of(PasswordRule.MIXED_CHARACTERS);
		}
		if (!password.equals(confirmation)) {
			return Optional.of(PasswordRule.CONFIRMATION_MISMATCH);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (username != null && !username.isEmpty() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of(PasswordRule.SAME_AS_USERNAME);
		}
		if (facts.isContainedIn(password)) {
			return Optional.of(PasswordRule.PERSONAL_DATA);
		}
		if (this.common.contains(password)) {
			return Optional.of(PasswordRule.COMMON);
		}
		return Optional.empty();
	}

	public int minLength() {
		return this.settings.passwordMinLength();
	}

	public int maxLength() {
		return this.settings.passwordMaxLength();
	}

}
