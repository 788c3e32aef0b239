package io.clave.server.login.api;

import io.clave.server.shared.ClientContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.clave.server.login.LoginOutcome;
import io.clave.server.login.LoginStarted;
import io.clave.server.login.LoginView;
import io.clave.server.login.Logins;
import io.clave.server.login.SecondFactorChallenge;
import io.clave.server.login.Sessions;
import io.clave.server.login.SignedInCustomer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The personal login as a JSON API for the bank's mobile app, calling the same {@link Logins} as the pages. The
 * login's token travels in the {@value #TOKEN_HEADER} header; once signed in, the session id travels in
 * {@code X-Auth-Token} (answered in the header and the body) and authenticates {@code /api/v1/me/**}.
 */
@RestController
@Tag(name = "Login", description = "Personal login: username (answered with the security image and phrase, also for "
		+ "an unknown username), password, second factor. Errors are RFC 9457 problems whose `code` is the message "
		+ "code of the pages; the refusal of a password never says whether the username exists.")
class LoginApi {

	static final String TOKEN_HEADER = "Login-Token";

	private final Logins logins;

	private final Sessions sessions;

	private final MessageSource messages;

	private final Clock clock;

	LoginApi(Logins logins, Sessions sessions, MessageSource messages, Clock clock) {
		this.logins = logins;
		this.sessions = sessions;
		this.messages = messages;
		this.clock = clock;
	}

	record UsernameRequest(@Nullable String username) {
	}

	record PasswordRequest(@Nullable String password) {

		@Override
		public String toString() {
			return "PasswordRequest[masked]";
		}

	}

	record CodeRequest(@Nullable String code) {

		@Override
		public String toString() {
			return "CodeRequest[masked]";
		}

	}

	record SecurityImageResponse(String id, String url, String name) {
	}

	record LoginStartedResponse(String loginToken, SecurityImageResponse securityImage, String securityPhrase,
			String next) {
	}

	record SecondFactorResponse(String next, String kind, @Nullable String maskedMobile, @Nullable Instant expiresAt,
			@Nullable Instant nextKeyAt) {
	}

	record SignedInResponse(String sessionToken, String sessionHeader, boolean tokenActivationPending) {
	}

	@Operation(summary = "Start a login with the username", description = "Answers the login token and the security "
			+ "image and phrase to show before the password. An unknown username gets a decoy image and phrase.")
	@PostMapping("/api/v1/logins")
	ResponseEntity<?> start(@RequestBody UsernameRequest body, HttpServletRequest request, Locale locale) {
		LoginStarted started = this.logins.start(body.username(), ClientContext.of(request));
		if (!started.started()) {
			return started.retryAfter() != null ? problem(HttpStatus.TOO_MANY_REQUESTS, "login.rate-limited",
					started.retryAfter(), locale) : problem(HttpStatus.BAD_REQUEST, started.messageKey(), null, locale);
		}
		LoginView view = this.logins.view(started.token()).orElseThrow();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new LoginStartedResponse(started.token(), new SecurityImageResponse(view.image().id(),
					view.image().path(), view.image().name(locale)), view.phrase(), "PASSWORD"));
	}

	@Operation(summary = "Send the password", description = "On success a clave temporal is sent and the second factor "
			+ "is asked. 401 `login.failed` for any wrong username, password or locked account.")
	@PostMapping("/api/v1/logins/password")
	ResponseEntity<?> password(@Parameter(description = "The login token") @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody PasswordRequest body, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		LoginOutcome outcome = this.logins.submitPassword(token, body.password(), null, ClientContext.of(request),
				locale);
		return answer(outcome, token, request, response, locale);
	}

	@Operation(summary = "Send a new clave temporal", description = "Within the cool-down and resend limits.")
	@PostMapping("/api/v1/logins/second-factor/key")
	ResponseEntity<?> resend(@RequestHeader(TOKEN_HEADER) String token, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		LoginOutcome outcome = this.logins.resendKey(token, locale);
		if (outcome.kind() == LoginOutcome.Kind.REFUSED) {
			Instant next = this.logins.view(token).map(LoginView::challenge).map(SecondFactorChallenge::nextKeyAt)
				.orElse(null);
			return problem(HttpStatus.TOO_MANY_REQUESTS, outcome.messageKey(),
					next == null ? null : Duration.between(this.clock.instant(), next), locale);
		}
		return answer(outcome, token, request, response, locale);
	}

	@Operation(summary = "Send the second-factor code", description = "On success the session token is answered in "
			+ "the body and in the X-Auth-Token header; send it in X-Auth-Token to /api/v1/me/**.")
	@PostMapping("/api/v1/logins/second-factor")
	ResponseEntity<?> secondFactor(@RequestHeader(TOKEN_HEADER) String token, @RequestBody CodeRequest body,
			HttpServletRequest request, HttpServletResponse response, Locale locale) {
		LoginOutcome outcome = this.logins.submitSecondFactor(token, body.code(), ClientContext.of(request), locale);
		return answer(outcome, token, request, response, locale);
	}

	record SessionResponse(String username, Instant authenticatedAt, Instant endsAtTheLatest) {
	}

	@Operation(summary = "The current session", description = "Who is signed in and when the session ends at the "
			+ "latest (the absolute limit); every call renews the idle timeout.")
	@GetMapping("/api/v1/me/session")
	SessionResponse session(@AuthenticationPrincipal SignedInCustomer customer) {
		return new SessionResponse(customer.username(), customer.authenticatedAt(),
				customer.authenticatedAt().plus(this.logins.absoluteSessionTimeout()));
	}

	@Operation(summary = "Log out", description = "Ends the session named by X-Auth-Token.")
	@DeleteMapping("/api/v1/me/session")
	ResponseEntity<Void> logout(@AuthenticationPrincipal SignedInCustomer customer, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<?> answer(LoginOutcome outcome, String token, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		return switch (outcome.kind()) {
			case NEXT_STEP -> {
				Optional<LoginView> view = this.logins.view(token);
				SecondFactorChallenge challenge = view.map(LoginView::challenge).orElse(null);
				yield ResponseEntity.ok(new SecondFactorResponse("SECOND_FACTOR",
						challenge == null ? "ONE_TIME_KEY" : challenge.kind().name(),
						view.map(LoginView::maskedMobile).orElse(null), challenge == null ? null : challenge.expiresAt(),
						challenge == null ? null : challenge.nextKeyAt()));
			}
			case SIGNED_IN -> {
				String sessionId = this.sessions.open(outcome.customer(), request, response);
				yield ResponseEntity.ok(new SignedInResponse(sessionId, "X-Auth-Token", outcome.tokenActivationPending()));
			}
			case REFUSED -> problem("login.failed".equals(outcome.messageKey()) || "login.key.wrong".equals(outcome.messageKey())
					? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST, outcome.messageKey(), null, locale);
			case RATE_LIMITED -> problem(HttpStatus.TOO_MANY_REQUESTS, outcome.messageKey(), outcome.retryAfter(), locale);
			case OVER -> problem("login.locked".equals(outcome.messageKey()) ? HttpStatus.LOCKED : HttpStatus.GONE,
					outcome.messageKey(), null, locale);
		};
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "login.api.token-missing", null, locale);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "login.api.body-unreadable", null, locale);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, @Nullable String code, @Nullable Duration retryAfter,
			Locale locale) {
		String key = code == null ? "login.failed" : code;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, this.messages.getMessage(key, null, key, locale));
		problem.setType(URI.create("urn:clave:problem:" + key));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", key);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
		}
		return new ResponseEntity<>(problem, headers, status);
	}


}
