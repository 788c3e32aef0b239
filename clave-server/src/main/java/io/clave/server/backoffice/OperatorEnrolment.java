package io.clave.server.backoffice;

import java.util.Set;
import java.util.UUID;

/**
 * A new operator and what it needs for its first login, shown once to whoever created it.
 *
 * @param initialPassword random; the first login makes the operator choose another
 */
public record OperatorEnrolment(UUID operatorId, String username, String displayName, Set<OperatorRole> roles,
		String initialPassword, AuthenticatorKey key) {

	@Override
	public String toString() {
		return "OperatorEnrolment[" + this.operatorId + ", " + this.username + ", " + this.roles + "]";
	}

}
