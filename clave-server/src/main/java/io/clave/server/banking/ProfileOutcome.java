package io.clave.server.banking;

import java.util.Map;

import io.clave.server.login.SecondFactorChallenge;
import org.jspecify.annotations.Nullable;

/**
 * How a profile change went. Expected refusals are values with message codes, for the pages and the API alike.
 *
 * @param error the message code of the whole form ({@code form.errors} when fields were rejected), empty when done
 * @param fieldErrors field name to message code
 * @param pending for a password change waiting for its clave temporal: what the session keeps until then
 * @param challenge the clave temporal sent for it
 */
public record ProfileOutcome(Kind kind, String error, Map<String, String> fieldErrors,
		@Nullable PendingPasswordChange pending, @Nullable SecondFactorChallenge challenge) {

	public enum Kind {

		/** The change is saved. */
		DONE,

		/** The password was accepted; a clave temporal was sent and must be typed to finish. */
		CHALLENGE_SENT,

		/** Something was refused; nothing changed. */
		REJECTED,

		/** No password change is waiting (never started, finished, expired, or another's): start again. */
		OVER,

		/** Too many wrong passwords or codes: the account is locked and the session must end. */
		LOCKED

	}

	static ProfileOutcome saved() {
		return new ProfileOutcome(Kind.DONE, "", Map.of(), null, null);
	}

	static ProfileOutcome challengeSent(PendingPasswordChange pending, SecondFactorChallenge challenge) {
		return new ProfileOutcome(Kind.CHALLENGE_SENT, "", Map.of(), pending, challenge);
	}

	static ProfileOutcome rejected(String error) {
		return new ProfileOutcome(Kind.REJECTED, error, Map.of(), null, null);
	}

	static ProfileOutcome rejected(Map<String, String> fieldErrors) {
		return new ProfileOutcome(Kind.REJECTED, "form.errors", fieldErrors, null, null);
	}

	static ProfileOutcome rejected(String error, String field, String code) {
		return new ProfileOutcome(Kind.REJECTED, error, Map.of(field, code), null, null);
	}

	static ProfileOutcome over() {
		return new ProfileOutcome(Kind.OVER, "profile.password.over", Map.of(), null, null);
	}

	static ProfileOutcome locked() {
		return new ProfileOutcome(Kind.LOCKED, "profile.locked", Map.of(), null, null);
	}

	public boolean done() {
		return this.kind == Kind.DONE;
	}

}
