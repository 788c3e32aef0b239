package io.clave.server.enrollment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The persisted state of one enrollment. Package-private: pages see an {@link EnrollmentView}. */
record Enrollment(UUID id, long customerId, long cardId, EnrollmentStep step, String state, Instant expiresAt,
		String username, String passwordHash, String securityImage, String securityPhrase, String homePhone,
		String workPhone, Map<String, String> challengeAnswers, String secondFactor) {

	boolean open() {
		return "OPEN".equals(this.state);
	}

	boolean completed() {
		return "COMPLETED".equals(this.state);
	}

	@Override
	public String toString() {
		return "Enrollment[id=" + this.id + ", step=" + this.step + ", state=" + this.state + "]";
	}

}
