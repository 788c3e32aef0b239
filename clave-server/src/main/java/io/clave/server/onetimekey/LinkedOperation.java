package io.clave.server.onetimekey;

/**
 * The operation a key authorises, as its message names it.
 *
 * @param amount the amount as the customer reads it, e.g. {@code $25.00}
 * @param maskedDestination the destination with all but its last digits hidden
 */
public record LinkedOperation(String amount, String maskedDestination) {
}
