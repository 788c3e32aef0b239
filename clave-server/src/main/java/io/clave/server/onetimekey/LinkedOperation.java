package io.clave.server.onetimekey;

/**
 * The operation a key authorises, as its message names it.
 *
 * @param kind what it is: TRANSFER, CARDLESS_WITHDRAWAL or PAYMENT (the message says so in words)
 * @param amount the amount as the customer reads it, e.g. {@code $25.00}
 * @param maskedDestination the destination with all but its last digits hidden
 */
public record LinkedOperation(String kind, String amount, String maskedDestination) {
}
