package io.clave.server.recovery;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of the card step: a started recovery with the token its holder presents from now on, or the reason
 * it did not start. A refusal always carries the same code, {@value #REFUSED}, whatever was wrong: an unknown
 * cédula or card, a wrong PIN or date, a customer without an online-banking user, a card blocked by the bank or
 * for recovery; only badly formed fields are answered field by field.
 */
public record RecoveryStart(Optional<String> token, String error, Map<String, String> fieldErrors,
		Optional<Duration> retryAfter) {

	public static final String REFUSED = "recovery.card.invalid";

	public static final String RATE_LIMITED = "recovery.rate-limited";

	static RecoveryStart started(String token) {
		return new RecoveryStart(Optional.of(token), "", Map.of(), Optional.empty());
	}

	static RecoveryStart refused() {
		return new RecoveryStart(Optional.empty(), REFUSED, Map.of(), Optional.empty());
	}

	static RecoveryStart invalidFields(Map<String, String> fieldErrors) {
		return new RecoveryStart(Optional.empty(), "", Map.copyOf(fieldErrors), Optional.empty());
	}

	/** Too many recoveries from this address or for this cédula: wait. */
	static RecoveryStart rateLimited(Duration retryAfter) {
		return new RecoveryStart(Optional.empty(), RATE_LIMITED, Map.of(), Optional.of(retryAfter));
	}

	public boolean started() {
		return this.token.isPresent();
	}

	@Override
	public String toString() {
		return "RecoveryStart[started=" + started() + ", error=" + this.error + "]";
	}

}
