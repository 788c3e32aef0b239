package io.clave.server.identity;

/** Why a password was refused; each has a message in both languages ({@code password.rule.*}). */
public enum PasswordRule {

	REQUIRED, LENGTH, CHARACTERS, MIXED_CHARACTERS, CONFIRMATION_MISMATCH, SAME_AS_USERNAME, PERSONAL_DATA, COMMON, RECENTLY_USED

}
