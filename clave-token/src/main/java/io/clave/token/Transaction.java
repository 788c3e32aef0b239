package io.clave.token;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A transfer to sign: the amount in cents and the destination account's digits.
 *
 * <p>{@link #question()} is the OCRA question of docs/token-protocol.md §3: the destination left-padded with zeros to
 * 20 digits, then the amount in cents left-padded to 12, so a code binds both.
 */
public record Transaction(long amountInCents, String destination) {

    public static final int DESTINATION_DIGITS = 20;
    public static final int AMOUNT_DIGITS = 12;
    private static final long MAX_CENTS = 999_999_999_999L;

    public Transaction {
        if (amountInCents <= 0 || amountInCents > MAX_CENTS) {
            throw new IllegalArgumentException("the amount must be more than 0 and at most 9,999,999,999.99");
        }
        Objects.requireNonNull(destination, "destination");
        if (!destination.matches("[0-9]{1," + DESTINATION_DIGITS + "}")) {
            throw new IllegalArgumentException("the destination account has 1 to 20 digits");
        }
    }

    /**
     * @param amount a decimal with at most two decimals and a point, e.g. {@code 125.50} or {@code 80}
     * @param destination the account number; spaces and '-' between digits are left out
     * @throws IllegalArgumentException with a message for the person when either does not fit
     */
    public static Transaction of(String amount, String destination) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(destination, "destination");
        if (!amount.strip().matches("[0-9]{1,10}(\\.[0-9]{1,2})?")) {
            throw new IllegalArgumentException("the amount is digits with at most two decimals after a point: 125.50");
        }
        long cents = new BigDecimal(amount.strip()).movePointRight(2).longValueExact();
        return new Transaction(cents, destination.strip().replaceAll("[ -]", ""));
    }

    public String question() {
        return String.format("%0" + DESTINATION_DIGITS + "d", 0).substring(destination.length()) + destination
                + String.format("%0" + AMOUNT_DIGITS + "d", amountInCents);
    }

    /** The amount with two decimals, e.g. {@code 125.50}. */
    public String displayAmount() {
        return BigDecimal.valueOf(amountInCents, 2).toPlainString();
    }

    /** Every digit but the last four replaced by '*', e.g. {@code ******7888}. */
    public String maskedDestination() {
        int shown = Math.min(4, destination.length() / 2);
        return "*".repeat(destination.length() - shown) + destination.substring(destination.length() - shown);
    }
}
