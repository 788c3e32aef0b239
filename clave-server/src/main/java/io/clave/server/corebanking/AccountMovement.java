package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One movement of an account as the core posted it.
 *
 * @param amount signed: a credit is positive, a debit negative
 * @param balanceAfter the account's balance right after this movement
 */
public record AccountMovement(long id, long accountId, Instant postedAt, String description, BigDecimal amount,
		BigDecimal balanceAfter) {
}
