package io.clave.server.corebanking;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What {@link CardholderChecks} found out about typed card data: badly formed fields (message code per field), a
 * card number the registry does not know (of the expected kind), a known card with some wrong data, or a match with
 * the card and its holder. Which field was wrong is never told; what a flow answers and audits is its own business.
 */
public record CardholderCheck(Outcome outcome, Map<String, String> fieldErrors, @Nullable Card card,
		@Nullable Customer customer) {

	public enum Outcome {

		INVALID_FIELDS, UNKNOWN_CARD, WRONG_DATA, MATCHED

	}

	static CardholderCheck invalidFields(Map<String, String> fieldErrors) {
		return new CardholderCheck(Outcome.INVALID_FIELDS, Map.copyOf(fieldErrors), null, null);
	}

	static CardholderCheck unknownCard() {
		return new CardholderCheck(Outcome.UNKNOWN_CARD, Map.of(), null, null);
	}

	static CardholderCheck wrongData(Card card) {
		return new CardholderCheck(Outcome.WRONG_DATA, Map.of(), card, null);
	}

	static CardholderCheck matched(Card card, Customer customer) {
		return new CardholderCheck(Outcome.MATCHED, Map.of(), card, customer);
	}

	/** The card, for {@link Outcome#WRONG_DATA} and {@link Outcome#MATCHED}. */
	public Card knownCard() {
		if (this.card == null) {
			throw new IllegalStateException("no card for " + this.outcome);
		}
		return this.card;
	}

	/** The card holder, for {@link Outcome#MATCHED}. */
	public Customer holder() {
		if (this.customer == null) {
			throw new IllegalStateException("no holder for " + this.outcome);
		}
		return this.customer;
	}

	@Override
	public String toString() {
		return "CardholderCheck[" + this.outcome + (this.card == null ? "" : ", card=****" + this.card.lastFour())
				+ "]";
	}

}
