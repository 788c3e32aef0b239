package io.clave.server.backoffice;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The operator behind a back-office session; pages receive it with {@code @AuthenticationPrincipal}. It is
 * serialised into the session table, so it holds identifiers only.
 *
 * @param roles the names of the operator's {@link OperatorRole}s when the login finished
 * @param authenticatedAt when the login (password, code and any forced password change) finished
 */
public record SignedInOperator(UUID operatorId, String username, Set<String> roles, Instant authenticatedAt)
		implements Serializable, AuthenticatedPrincipal {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Granted to every operator: what lets a session into {@code /backoffice}, and nothing else. */
	public static final String BACKOFFICE_AUTHORITY = "ROLE_BACKOFFICE";

	public SignedInOperator {
		roles = Set.copyOf(roles);
	}

	/** {@link #BACKOFFICE_AUTHORITY} and one {@code ROLE_} authority per role; never {@code ROLE_CUSTOMER}. */
	public List<String> authorities() {
		List<String> authorities = new ArrayList<>();
		authorities.add(BACKOFFICE_AUTHORITY);
		for (OperatorRole role : OperatorRole.values()) {
			if (this.roles.contains(role.name())) {
				authorities.add(role.authority());
			}
		}
		return authorities;
	}

	/** The name Spring Session indexes sessions by; prefixed so that it never equals a customer's user id. */
	@Override
	public String getName() {
		return "operator:" + this.operatorId;
	}

	@Override
	public String toString() {
		return "SignedInOperator[" + this.operatorId + "]";
	}

}
