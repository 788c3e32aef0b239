package io.clave.server.transfer;

import org.jspecify.annotations.Nullable;

/**
 * A transfer as the customer asks for it, unchecked: from the page's form or the API's body.
 *
 * @param fromAccountId one of the customer's accounts
 * @param toAccount the destination's account number (the customer's own or another customer's of the bank)
 * @param amount a decimal with at most two decimals, e.g. {@code 25.50}
 * @param description optional, what the customer wants to read on the statement
 * @param idempotencyKey the same for a request sent again: the page's form carries one, the API's header another
 */
public record TransferRequest(@Nullable String fromAccountId, @Nullable String toAccount, @Nullable String amount,
		@Nullable String description, @Nullable String idempotencyKey) {
}
