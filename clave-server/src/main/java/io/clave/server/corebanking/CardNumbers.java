package io.clave.server.corebanking;

import io.clave.server.secrets.Secrets;

import org.springframework.stereotype.Component;

/** Keyed hashes of card numbers and PINs: what the registry stores instead of them. */
@Component
class CardNumbers {

	static final String PAN = "card-pan";

	static final String PIN = "card-pin";

	private final Secrets secrets;

	CardNumbers(Secrets secrets) {
		this.secrets = secrets;
	}

	byte[] panHash(String pan) {
		return this.secrets.hmac(PAN, pan);
	}

	/** Bound to the card, so that two cards with the same PIN have different hashes. */
	byte[] pinHash(long cardId, CharSequence pin) {
		return this.secrets.hmac(PIN, cardId + ":" + pin);
	}

}
