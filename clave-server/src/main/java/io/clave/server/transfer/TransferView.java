package io.clave.server.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.clave.server.authorization.AuthorizationMethod;
import org.jspecify.annotations.Nullable;

/**
 * A transfer as its customer sees it.
 *
 * @param toHolder the destination holder's first name and the initial of their surname, so the customer can check
 * the account before authorising
 * @param own whether the destination is one of the customer's accounts
 * @param method how the transfer is to be authorised
 * @param fromBalance the source account's balance now
 */
public record TransferView(UUID id, String reference, String state, @Nullable String refusal, String fromAccount,
		String toAccount, String toHolder, boolean own, BigDecimal amount, String currency, String description,
		@Nullable AuthorizationMethod method, @Nullable Instant authorizationExpiresAt, Instant createdAt,
		@Nullable Instant executedAt, BigDecimal fromBalance) {

	public boolean awaiting() {
		return "AWAITING".equals(this.state);
	}

	public boolean done() {
		return "DONE".equals(this.state);
	}

	/** The digits the Token digital signs: the destination account number. */
	public String signingDestination() {
		return this.toAccount;
	}

}
