package io.clave.server.recovery;

import java.util.Map;
import java.util.Optional;

/**
 * The outcome of the card step: a started recovery with the token its holder presents from now on, or the reason
 * it did not start. A refusal always carries the same code, {@value #REFUSED}, whatever was wrong: an unknown
 * cédula or card, a wrong PIN or date, a customer without an online-banking user, a card blocked by the bank or
 * for recovery; only badly formed fields are answered field by field.
 */
public record RecoveryStart(Optional<String> token, String error, Map<String, String> fieldErrors) {

	public static final String REFUSED = "recovery.card.invalid";

	static RecoveryStart started(String token) {
		return new RecoveryStart(Optional.of(token), "", Map.of());
	}

	static RecoveryStart refused() {
		return new RecoveryStart(Optional.empty(), REFUSED, Map.of());
	}

	static RecoveryStart invalidFields(Map<String, String> fieldErrors) {
		return new RecoveryStart(Optional.empty(), "", Map.copyOf(fieldErrors));
	}

	public boolean started() {
		return this.token.isPresent();
	}

	@Override
	public String toString() {
		return "RecoveryStart[started=" + started() + ", error=" + this.error + "]";
	}

}
