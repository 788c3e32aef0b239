package io.clave.server.enrollment;

import java.util.Map;
import java.util.Optional;

/**
 * The outcome of the card step: a started enrollment with the token its holder presents from now on, or the reason
 * it did not start.
 */
public record CardCheckOutcome(Optional<String> token, String error, Map<String, String> fieldErrors) {

	static CardCheckOutcome started(String token) {
		return new CardCheckOutcome(Optional.of(token), "", Map.of());
	}

	static CardCheckOutcome refused(String error) {
		return new CardCheckOutcome(Optional.empty(), error, Map.of());
	}

	static CardCheckOutcome invalidFields(Map<String, String> fieldErrors) {
		return new CardCheckOutcome(Optional.empty(), "", Map.copyOf(fieldErrors));
	}

	public boolean started() {
		return this.token.isPresent();
	}

	@Override
	public String toString() {
		return "CardCheckOutcome[started=" + started() + ", error=" + this.error + "]";
	}

}
