package io.clave.server.backoffice;

/**
 * The TOTP secret of an operator's authenticator app, handed out once when the operator is created or the secret
 * is replaced: the bank keeps it only sealed.
 *
 * @param secret Base32, without padding, to type into the app by hand
 * @param uri {@code otpauth://totp/<Bank>%20Backoffice:<username>?secret=...}, what the QR code carries
 */
public record AuthenticatorKey(String secret, String uri) {

	@Override
	public String toString() {
		return "AuthenticatorKey[****]";
	}

}
