package io.clave.server.corporate;

import java.util.Locale;

/** Why a definitive username or password was refused; each has a message ({@code corporate.credentials.rule.*}). */
public enum CredentialRule {

	USERNAME_REQUIRED, USERNAME_LENGTH, USERNAME_CHARACTERS, USERNAME_TAKEN, USERNAME_PERSONAL_DATA, USERNAME_DATE,
	PASSWORD_REQUIRED, PASSWORD_LENGTH, PASSWORD_CHARACTERS, PASSWORD_MIXED, PASSWORD_CONFIRMATION,
	PASSWORD_SAME_AS_USERNAME, PASSWORD_PERSONAL_DATA, PASSWORD_DATE, PASSWORD_COMMON, PASSWORD_RECENTLY_USED;

	public String messageKey() {
		return "corporate.credentials.rule." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The form field the rule is about. */
	public String field() {
		return name().startsWith("USERNAME") ? "username" : name().equals("PASSWORD_CONFIRMATION") ? "confirmation"
				: "password";
	}

}
