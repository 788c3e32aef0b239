package io.clave.server.enrollment;

import java.time.Instant;
import java.util.Optional;

/**
 * What the pages and the API show about an enrollment in progress: never a secret, contact data masked.
 *
 * @param step the current step
 * @param maskedMobile e.g. {@code ******4567}
 * @param maskedEmail e.g. {@code m***@e***.com}
 * @param username the chosen username, once chosen
 * @param keyExpiresAt when the clave temporal sent last expires
 * @param nextKeyAt when a new clave temporal may be asked for; empty if no more may be asked
 * @param expiresAt when the enrollment itself expires
 * @param secondFactor the second factor chosen, once the enrollment is complete
 */
public record EnrollmentView(EnrollmentStep step, String maskedMobile, String maskedEmail, Optional<String> username,
		Optional<Instant> keyExpiresAt, Optional<Instant> nextKeyAt, Instant expiresAt,
		Optional<String> secondFactor) {

	public boolean choseSoftToken() {
		return this.secondFactor.filter("SOFT_TOKEN_PENDING"::equals).isPresent();
	}

}
