package io.clave.server.corporate;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The company user behind an authenticated session of the corporate portal; pages and API controllers receive it
 * with {@code @AuthenticationPrincipal}. Serialised into the session table, so it holds identifiers only. Every
 * read and change a request makes is bounded by {@link #companyId()}, never by an id the request carries.
 *
 * @param profile the profile chosen for this session (a user with both chooses after the login and may switch);
 * null until chosen
 * @param authenticatedAt when the login finished; the absolute session limit counts from here
 */
public record SignedInCompanyUser(UUID userId, long companyId, CompanyRole role, @Nullable Profile profile,
		Instant authenticatedAt) implements Serializable, AuthenticatedPrincipal {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The Spring Security roles: every company user has COMPANY_USER, administrators also COMPANY_ADMIN. */
	public static final String USER_ROLE = "COMPANY_USER";

	public static final String ADMIN_ROLE = "COMPANY_ADMIN";

	public boolean admin() {
		return this.role == CompanyRole.ADMIN;
	}

	public SignedInCompanyUser withProfile(Profile chosen) {
		return new SignedInCompanyUser(this.userId, this.companyId, this.role, chosen, this.authenticatedAt);
	}

	/** Sessions are indexed by this name: the user id, never the username. */
	@Override
	public String getName() {
		return "company-user:" + this.userId;
	}

	@Override
	public String toString() {
		return "SignedInCompanyUser[" + this.userId + "]";
	}

}
