package io.clave.server.transfer;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a transfer request.
 *
 * @param transfer the transfer filed (CREATED) or filed before under the same idempotency key (EXISTING)
 * @param fieldErrors for REJECTED, a message code per field
 */
public record TransferPreparation(Kind kind, @Nullable TransferView transfer, Map<String, String> fieldErrors) {

	public enum Kind {
		CREATED,
		/** The same request again (same idempotency key, same content): the transfer filed the first time. */
		EXISTING,
		/** Something the customer typed does not fit; nothing was written. */
		REJECTED,
		/** The idempotency key was used for a different transfer. */
		CONFLICT
	}

}
