package io.clave.server.corporate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a registered affiliation.
 *
 * @param fieldErrors for REJECTED, a message code per field
 * @param credentialsExpireAt for REGISTERED, when the administrator's temporary credentials expire
 */
public record AffiliationOutcome(Kind kind, @Nullable Long companyId, @Nullable UUID administratorId,
		@Nullable Instant credentialsExpireAt, Map<String, String> fieldErrors) {

	public enum Kind {
		REGISTERED,
		/** Something typed does not fit; nothing was written. */
		REJECTED,
		/** The RUC is affiliated already. */
		ALREADY_AFFILIATED
	}

}
