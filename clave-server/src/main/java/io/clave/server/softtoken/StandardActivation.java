package io.clave.server.softtoken;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A step of the activation for a standard authenticator app: a clave temporal by SMS first, because the QR that
 * follows carries the secret itself; then the pending token with its {@code otpauth://} key URI.
 *
 * @param messageKey what to tell the customer (a refusal, or a notice with KEY_SENT)
 * @param tokenId the pending token (CREATED only)
 * @param keyUri {@code otpauth://totp/...} with the secret (CREATED only): show it to the customer once, keep it nowhere
 * @param secret the same secret in Base32, to type by hand (CREATED only)
 */
public record StandardActivation(Kind kind, @Nullable String messageKey, @Nullable UUID tokenId,
		@Nullable String keyUri, @Nullable String secret) {

	public enum Kind {

		/** The clave temporal went by SMS; ask for it. */
		KEY_SENT,

		/** The pending token exists; show its QR and wait for the app's first code. */
		CREATED,

		/** Stay on the step and show the message. */
		REFUSED,

		/** This activation is over; start again. */
		OVER

	}

	static StandardActivation keySent(@Nullable String notice) {
		return new StandardActivation(Kind.KEY_SENT, notice, null, null, null);
	}

	static StandardActivation refused(String messageKey) {
		return new StandardActivation(Kind.REFUSED, messageKey, null, null, null);
	}

	static StandardActivation over(String messageKey) {
		return new StandardActivation(Kind.OVER, messageKey, null, null, null);
	}

	/** The secret in blocks of four characters, as it is easier to type: {@code ABCD EFGH ...}. */
	public @Nullable String groupedSecret() {
		return this.secret == null ? null : this.secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

	@Override
	public String toString() {
		return "StandardActivation[" + this.kind + "]";
	}

}
