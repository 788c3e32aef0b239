package io.clave.server.identity;

/** Why a username was refused; each has a message in both languages ({@code username.rule.*}). */
public enum UsernameRule {

	REQUIRED, LENGTH, CHARACTERS, CONFIRMATION_MISMATCH, PERSONAL_DATA, TAKEN

}
