package io.clave.server.corebanking;

import java.security.MessageDigest;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The default {@link PinVerifier}: compares, in constant time, the keyed hash of the PIN kept for the card. */
class KeyedHashPinVerifier implements PinVerifier {

	private final JdbcClient jdbc;

	private final CardNumbers numbers;

	KeyedHashPinVerifier(JdbcClient jdbc, CardNumbers numbers) {
		this.jdbc = jdbc;
		this.numbers = numbers;
	}

	@Override
	public boolean verify(Card card, CharSequence pin) {
		byte[] stored = this.jdbc.sql("SELECT pin_hmac FROM cards WHERE id = ?")
			.param(card.id())
			.query(byte[].class)
			.optional()
			.orElse(new byte[32]);
		return MessageDigest.isEqual(stored, this.numbers.pinHash(card.id(), pin));
	}

}
