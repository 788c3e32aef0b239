package io.clave.server.corporate.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.clave.server.corporate.CorporateLoginOutcome;
import io.clave.server.corporate.CorporateLoginView;
import io.clave.server.corporate.CorporateLogins;
import io.clave.server.corporate.CorporatePortal;
import io.clave.server.corporate.CorporateSessions;
import io.clave.server.corporate.Profile;
import io.clave.server.corporate.SignedInCompanyUser;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.problems.ProblemSupport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The corporate login as JSON, calling the same {@link CorporateLogins} as the pages. The login's token travels in
 * the {@value #TOKEN_HEADER} header; once signed in, the session id travels in {@code X-Auth-Token} (answered in the
 * header and the body) and authenticates {@code /api/v1/corporate/me/**}.
 */
@RestController
@Tag(name = "Corporate login", description = "The companies portal's login: username and password, a clave temporal "
		+ "sent to the registered mobile and e-mail every time, and at the first login with temporary credentials the "
		+ "definitive username and password (then log in again). Errors are RFC 9457 problems whose `code` is the "
		+ "message code of the pages; a refused password never says whether the username exists. Spanish by default, "
		+ "English with `Accept-Language: en`.")
class CorporateLoginApi {

	static final String TOKEN_HEADER = "Login-Token";

	private final CorporateLogins logins;

	private final CorporateSessions sessions;

	private final CorporatePortal portal;

	private final CorporateApiProblems problems;

	CorporateLoginApi(CorporateLogins logins, CorporateSessions sessions, CorporatePortal portal,
			CorporateApiProblems problems) {
		this.logins = logins;
		this.sessions = sessions;
		this.portal = portal;
		this.problems = problems;
	}

	record LoginRequest(@Nullable String username, @Nullable String password) {

		@Override
		public String toString() {
			return "LoginRequest[masked]";
		}

	}

	record CodeRequest(@Nullable String code) {

		@Override
		public String toString() {
			return "CodeRequest[masked]";
		}

	}

	record CredentialsRequest(@Nullable String username, @Nullable String password, @Nullable String confirmation) {

		@Override
		public String toString() {
			return "CredentialsRequest[masked]";
		}

	}

	/**
	 * @param next KEY (send the clave temporal), CREDENTIALS (create the definitive ones), LOGIN (log in again with
	 * them), PROFILE (signed in; choose a profile) or PORTAL (signed in on the only profile)
	 */
	record StepResponse(String next, @Nullable String loginToken, @Nullable String maskedMobile,
			@Nullable String maskedEmail, @Nullable Instant keyExpiresAt, @Nullable Instant nextKeyAt) {
	}

	record SignedInResponse(String next, String sessionToken, String sessionHeader, @Nullable Profile profile,
			List<Profile> profiles, boolean administrator) {
	}

	@Operation(summary = "Start a corporate login with username and password", description = "On success the clave "
			+ "temporal goes by SMS and e-mail and the login token is answered (201). 401 `corporate.login.failed` for "
			+ "any wrong username, password or locked user; 403 `corporate.login.credentials-expired` for expired "
			+ "temporary credentials (only after a right password); 429 with Retry-After when rate-limited.")
	@PostMapping("/api/v1/corporate/logins")
	ResponseEntity<?> start(@RequestBody LoginRequest body, HttpServletRequest request) {
		Locale locale = ProblemSupport.locale(request);
		CorporateLoginOutcome outcome = this.logins.start(body.username(), body.password(), ClientContext.of(request),
				locale);
		if (outcome.kind() != CorporateLoginOutcome.Kind.NEXT_STEP || outcome.token() == null) {
			return this.problems.refused(outcome, request);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(step(outcome.token(), true));
	}

	@Operation(summary = "Send a new clave temporal", description = "Within the cool-down and resend limits "
			+ "(429 `corporate.login.key.not-yet` with Retry-After).")
	@PostMapping("/api/v1/corporate/logins/key/resend")
	ResponseEntity<?> resend(@Parameter(description = "The login token") @RequestHeader(TOKEN_HEADER) String token,
			HttpServletRequest request) {
		CorporateLoginOutcome outcome = this.logins.resendKey(token, ProblemSupport.locale(request));
		if (outcome.kind() != CorporateLoginOutcome.Kind.NEXT_STEP) {
			return this.problems.refused(outcome, request);
		}
		return ResponseEntity.ok(step(token, false));
	}

	@Operation(summary = "Send the clave temporal", description = "A user with definitive credentials is signed in: "
			+ "the session token is answered in the body and in the X-Auth-Token header (send it in X-Auth-Token to "
			+ "/api/v1/corporate/me/**), with `next` PROFILE when the user must choose one. A user with temporary "
			+ "credentials gets `next` CREDENTIALS. Wrong keys count towards the lock (423 `corporate.login.locked`).")
	@PostMapping("/api/v1/corporate/logins/key")
	ResponseEntity<?> key(@RequestHeader(TOKEN_HEADER) String token, @RequestBody CodeRequest body,
			HttpServletRequest request, HttpServletResponse response) {
		CorporateLoginOutcome outcome = this.logins.submitKey(token, body.code(), ClientContext.of(request),
				ProblemSupport.locale(request));
		return switch (outcome.kind()) {
			case SIGNED_IN -> {
				SignedInCompanyUser user = outcome.user();
				String sessionId = this.sessions.open(user, request, response);
				List<Profile> profiles = this.portal.me(user).map(CorporatePortal.Me::profiles).orElse(List.of());
				yield ResponseEntity.ok(new SignedInResponse(user.profile() == null ? "PROFILE" : "PORTAL", sessionId,
						"X-Auth-Token", user.profile(), profiles, user.admin()));
			}
			case NEXT_STEP -> ResponseEntity.ok(new StepResponse("CREDENTIALS", null, null, null, null, null));
			default -> this.problems.refused(outcome, request);
		};
	}

	@Operation(summary = "Create the definitive username and password (first login)", description = "Under the "
			+ "credential rules (8 to 14 characters for the username; 8 to 20 with upper case, lower case and digits "
			+ "for the password, different from the username; neither with the person's names or a date; not a common "
			+ "password). 422 `form.errors` with `errors` per field otherwise. On success `next` is LOGIN: log in "
			+ "again with them.")
	@PostMapping("/api/v1/corporate/logins/credentials")
	ResponseEntity<?> credentials(@RequestHeader(TOKEN_HEADER) String token, @RequestBody CredentialsRequest body,
			HttpServletRequest request) {
		CorporateLoginOutcome outcome = this.logins.submitCredentials(token, body.username(), body.password(),
				body.confirmation(), ClientContext.of(request), ProblemSupport.locale(request));
		if (outcome.kind() != CorporateLoginOutcome.Kind.CREDENTIALS_CREATED) {
			return this.problems.refused(outcome, request);
		}
		return ResponseEntity.ok(new StepResponse("LOGIN", null, null, null, null, null));
	}

	private StepResponse step(String token, boolean withToken) {
		Optional<CorporateLoginView> view = this.logins.view(token);
		return new StepResponse("KEY", withToken ? token : null, view.map(CorporateLoginView::maskedMobile).orElse(null),
				view.map(CorporateLoginView::maskedEmail).orElse(null),
				view.map(CorporateLoginView::keyExpiresAt).orElse(null),
				view.map(CorporateLoginView::nextKeyAt).orElse(null));
	}

}
