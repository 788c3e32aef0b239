package io.clave.server.corporate;

import java.util.Map;

/**
 * What happened to a submitted step: values, not exceptions; the page and the API turn the same codes into a
 * message next to the field or an RFC 9457 problem.
 *
 * @param step the step the user is on now
 * @param error a message code for the whole form, or empty
 * @param fieldErrors message codes by field name
 */
public record CorporateRecoveryOutcome(Kind kind, CorporateRecoveryStep step, String error,
		Map<String, String> fieldErrors) {

	public enum Kind {

		/** Accepted; {@code step} is the next one. */
		ADVANCED,

		/** Refused; the user stays on {@code step} and sees the errors. */
		REJECTED,

		/** Submitted for a step other than the current one (a stale or replayed form). */
		WRONG_STEP,

		/** The recovery is over (expired, ended after too many wrong keys, cancelled, finished or unknown). */
		OVER

	}

	public static final String NOT_FOUND = "corporate.recovery.not-found";

	public static final String CANCELLED = "corporate.recovery.cancelled";

	public static final String COOL_DOWN = "corporate.recovery.key.cool-down";

	public static final String LIMIT_REACHED = "corporate.recovery.key.limit-reached";

	static CorporateRecoveryOutcome advanced(CorporateRecoveryStep step) {
		return new CorporateRecoveryOutcome(Kind.ADVANCED, step, "", Map.of());
	}

	static CorporateRecoveryOutcome rejected(CorporateRecoveryStep step, String error) {
		return new CorporateRecoveryOutcome(Kind.REJECTED, step, error, Map.of());
	}

	static CorporateRecoveryOutcome rejected(CorporateRecoveryStep step, String error,
			Map<String, String> fieldErrors) {
		return new CorporateRecoveryOutcome(Kind.REJECTED, step, error, Map.copyOf(fieldErrors));
	}

	static CorporateRecoveryOutcome wrongStep(CorporateRecoveryStep current) {
		return new CorporateRecoveryOutcome(Kind.WRONG_STEP, current, "corporate.recovery.stale-form", Map.of());
	}

	static CorporateRecoveryOutcome over(String error) {
		return new CorporateRecoveryOutcome(Kind.OVER, CorporateRecoveryStep.ONE_TIME_KEY, error, Map.of());
	}

	public boolean accepted() {
		return this.kind == Kind.ADVANCED;
	}

}
