package io.clave.token;

/** A TOTP code and the whole seconds it stays valid (1 to the period). */
public record CurrentCode(String code, int secondsLeft) {
}
