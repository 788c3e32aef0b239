package io.clave.server.enrollment;

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
public record StepOutcome(Kind kind, EnrollmentStep step, String error, Map<String, String> fieldErrors) {

	public enum Kind {

		/** Accepted; {@code step} is the next one. */
		ADVANCED,

		/** Refused; the customer stays on {@code step} and sees the errors. */
		REJECTED,

		/** Submitted for a step other than the current one (a stale or replayed form). */
		WRONG_STEP,

		/** The enrollment is over (expired, ended after too many wrong keys, cancelled, or unknown). */
		OVER

	}

	static StepOutcome advanced(EnrollmentStep step) {
		return new StepOutcome(Kind.ADVANCED, step, "", Map.of());
	}

	static StepOutcome rejected(EnrollmentStep step, String error) {
		return new StepOutcome(Kind.REJECTED, step, error, Map.of());
	}

	static StepOutcome rejected(EnrollmentStep step, Map<String, String> fieldErrors) {
		return new StepOutcome(Kind.REJECTED, step, "", Map.copyOf(fieldErrors));
	}

	static StepOutcome wrongStep(EnrollmentStep current) {
		return new StepOutcome(Kind.WRONG_STEP, current, "enrollment.stale-form", Map.of());
	}

	static StepOutcome over(String error) {
		return new StepOutcome(Kind.OVER, EnrollmentStep.CONTACT_CHECK, error, Map.of());
	}

	public boolean accepted() {
		return this.kind == Kind.ADVANCED;
	}

}
