package io.clave.server.transfer;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a transfer's authorisation code.
 *
 * @param messageKey what to tell the customer, for every kind but DONE
 * @param attemptsLeft for WRONG_CODE, how many more codes this transfer takes
 */
public record TransferOutcome(Kind kind, @Nullable TransferView transfer, @Nullable String messageKey,
		int attemptsLeft) {

	public enum Kind {
		/** Debited and credited (now, or by an earlier submission of the same transfer). */
		DONE,
		/** Wrong code; the transfer still waits. */
		WRONG_CODE,
		/** The Token digital is locked: unlock it in "Desbloqueo App". */
		TOKEN_LOCKED,
		/** Refused for good (balance, daily limit, authorisation over): nothing moved. */
		REFUSED,
		/** No such transfer for this customer. */
		UNKNOWN
	}

}
