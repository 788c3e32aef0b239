package io.clave.server.corporate;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of the first step: a recovery with the token its holder presents from now on, or badly formed fields,
 * or too many attempts. A RUC and number that name nobody start a recovery too (a decoy one): the answer never says
 * whether they matched.
 */
public record CorporateRecoveryStart(Optional<String> token, String error, Map<String, String> fieldErrors,
		Optional<Duration> retryAfter) {

	public static final String RATE_LIMITED = "corporate.recovery.rate-limited";

	static CorporateRecoveryStart started(String token) {
		return new CorporateRecoveryStart(Optional.of(token), "", Map.of(), Optional.empty());
	}

	static CorporateRecoveryStart invalidFields(Map<String, String> fieldErrors) {
		return new CorporateRecoveryStart(Optional.empty(), "", Map.copyOf(fieldErrors), Optional.empty());
	}

	static CorporateRecoveryStart rateLimited(Duration retryAfter) {
		return new CorporateRecoveryStart(Optional.empty(), RATE_LIMITED, Map.of(), Optional.of(retryAfter));
	}

	public boolean started() {
		return this.token.isPresent();
	}

	@Override
	public String toString() {
		return "CorporateRecoveryStart[started=" + started() + ", error=" + this.error + "]";
	}

}
