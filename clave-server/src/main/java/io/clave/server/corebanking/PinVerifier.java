package io.clave.server.corebanking;

/**
 * Checks a card PIN. The default implementation compares a keyed hash kept in the registry; a bank's production
 * implementation forwards an encrypted PIN block (ISO 9564) to its HSM or card processor and answers only
 * yes or no. Implementations must never log, store or return the PIN.
 */
public interface PinVerifier {

	boolean verify(Card card, CharSequence pin);

}
