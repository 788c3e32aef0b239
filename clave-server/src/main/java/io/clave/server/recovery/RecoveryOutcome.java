package io.clave.server.recovery;

import java.util.Map;

/**
 * What happened to a submitted step. Expected outcomes are values, not exceptions: the page and the API turn the
 * same codes into a message next to the field or an RFC 9457 problem.
 *
 * @param kind what kind of outcome
 * @param step the step the customer is on now
 * @param error a message code for the whole form, or empty
 * @param fieldErrors message codes by field name
 */
public record RecoveryOutcome(Kind kind, RecoveryStep step, String error, Map<String, String> fieldErrors) {

	public enum Kind {

		/** Accepted; {@code step} is the next one. */
		ADVANCED,

		/** Refused; the customer stays on {@code step} and sees the errors. */
		REJECTED,

		/** Submitted for a step other than the current one (a stale or replayed form). */
		WRONG_STEP,

		/** The recovery is over (expired, ended after too many wrong entries, cancelled, finished or unknown). */
		OVER

	}

	static RecoveryOutcome advanced(RecoveryStep step) {
		return new RecoveryOutcome(Kind.ADVANCED, step, "", Map.of());
	}

	static RecoveryOutcome rejected(RecoveryStep step, String error) {
		return new RecoveryOutcome(Kind.REJECTED, step, error, Map.of());
	}

	static RecoveryOutcome rejected(RecoveryStep step, String error, Map<String, String> fieldErrors) {
		return new RecoveryOutcome(Kind.REJECTED, step, error, Map.copyOf(fieldErrors));
	}

	static RecoveryOutcome wrongStep(RecoveryStep current) {
		return new RecoveryOutcome(Kind.WRONG_STEP, current, "recovery.stale-form", Map.of());
	}

	static RecoveryOutcome over(String error) {
		return new RecoveryOutcome(Kind.OVER, RecoveryStep.CONTACT_CHECK, error, Map.of());
	}

	public boolean accepted() {
		return this.kind == Kind.ADVANCED;
	}

}
