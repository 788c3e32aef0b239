package io.clave.server.corporate;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a step of the corporate login led to.
 *
 * @param messageKey the message to show (a key of the corporate bundle), if any
 * @param token the login's token, when the password step started one (only its hash is stored)
 * @param user who is now signed in (for SIGNED_IN); the profile is set when the user has only one
 * @param rules the credential rules the definitive username and password broke (for REFUSED at that step)
 * @param retryAfter how long to wait (for RATE_LIMITED, and for a new key asked too soon)
 */
public record CorporateLoginOutcome(Kind kind, @Nullable String messageKey, @Nullable String token,
		@Nullable SignedInCompanyUser user, List<CredentialRule> rules, @Nullable Duration retryAfter) {

	public enum Kind {

		/** Go on to the step the flow now shows. */
		NEXT_STEP,

		/** Stay on this step and show the message (or the broken rules). */
		REFUSED,

		/** Too many attempts from this address or for this username: wait. */
		RATE_LIMITED,

		/** The login is over (expired, ended, locked): start again, with the message. */
		OVER,

		/** The login is finished: open the session. */
		SIGNED_IN,

		/** The definitive credentials replaced the temporary ones: log in again with them. */
		CREDENTIALS_CREATED

	}

	static CorporateLoginOutcome next(@Nullable String token) {
		return new CorporateLoginOutcome(Kind.NEXT_STEP, null, token, null, List.of(), null);
	}

	static CorporateLoginOutcome refused(String messageKey) {
		return new CorporateLoginOutcome(Kind.REFUSED, messageKey, null, null, List.of(), null);
	}

	static CorporateLoginOutcome refused(String messageKey, @Nullable Duration retryAfter) {
		return new CorporateLoginOutcome(Kind.REFUSED, messageKey, null, null, List.of(), retryAfter);
	}

	static CorporateLoginOutcome broken(List<CredentialRule> rules) {
		return new CorporateLoginOutcome(Kind.REFUSED, rules.get(0).messageKey(), null, null, List.copyOf(rules), null);
	}

	static CorporateLoginOutcome over(String messageKey) {
		return new CorporateLoginOutcome(Kind.OVER, messageKey, null, null, List.of(), null);
	}

	static CorporateLoginOutcome rateLimited(Duration retryAfter) {
		return new CorporateLoginOutcome(Kind.RATE_LIMITED, "corporate.login.rate-limited", null, null, List.of(),
				retryAfter);
	}

	static CorporateLoginOutcome signedIn(SignedInCompanyUser user) {
		return new CorporateLoginOutcome(Kind.SIGNED_IN, null, null, user, List.of(), null);
	}

	static CorporateLoginOutcome credentialsCreated() {
		return new CorporateLoginOutcome(Kind.CREDENTIALS_CREATED, "corporate.login.credentials.created", null, null,
				List.of(), null);
	}

}
