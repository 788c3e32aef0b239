package io.clave.server.corporate.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.clave.server.corporate.CorporateRecoveries;
import io.clave.server.corporate.CorporateRecoveryForms.KeyForm;
import io.clave.server.corporate.CorporateRecoveryForms.PasswordForm;
import io.clave.server.corporate.CorporateRecoveryForms.StartForm;
import io.clave.server.corporate.CorporateRecoveryOutcome;
import io.clave.server.corporate.CorporateRecoveryStart;
import io.clave.server.corporate.CorporateRecoveryStep;
import io.clave.server.corporate.CorporateRecoveryView;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.problems.ProblemSupport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A company user's forgotten username or password as a JSON API, the same steps as the pages
 * ({@code /empresas/recuperar}) through the same {@link CorporateRecoveries}; {@link CorporateRecoveryApiProblems}
 * turns a refused step into an RFC 9457 problem.
 * <p>
 * The start call answers a random token once; the client sends it back in the {@value #TOKEN_HEADER} header,
 * never in the address. The start call answers the same (201 and a token) whether or not the RUC and the number
 * name a user. No {@code consumes}/{@code produces} conditions on purpose: a wrong content type fails inside this
 * controller and is answered as a problem.
 */
@NullMarked
@RestController
@RequestMapping(CorporateRecoveryApi.BASE)
@Tag(name = "Corporate recovery", description = "Forgotten username or password of a company user (administrator "
		+ "or additional user) of the corporate portal: the company's RUC and the user's identity number, a clave "
		+ "temporal (5 minutes) to the registered e-mail and mobile, then the username and a new password. Errors "
		+ "are RFC 9457 problem details (application/problem+json) whose `code` is the message code the web pages "
		+ "use and whose `errors` lists {field, code, message} per rejected field. Send Accept-Language (es by "
		+ "default, en) for the messages' language.")
class CorporateRecoveryApi {

	static final String BASE = "/api/v1/corporate/recoveries";

	static final String TOKEN_HEADER = "Corporate-Recovery-Token";

	private static final String TOKEN_DESCRIPTION = "The token answered by the start call";

	private static final String PROBLEM = "application/problem+json";

	private final CorporateRecoveries recoveries;

	private final CorporateRecoveryApiProblems problems;

	private final Clock clock;

	CorporateRecoveryApi(CorporateRecoveries recoveries, CorporateRecoveryApiProblems problems, Clock clock) {
		this.recoveries = recoveries;
		this.problems = problems;
		this.clock = clock;
	}

	// ---- what crosses the wire (the forms are CorporateRecoveryForms, shared with the pages) ------------------

	/** The answer to the start call: the token, shown this once, and the recovery as it is now. */
	record StartedResponse(String token, CorporateRecoveryStep step, @Nullable Instant keyExpiresAt,
			@Nullable Instant nextKeyAt, Instant expiresAt) {

		@Override
		public String toString() {
			return "StartedResponse[step=" + this.step + "]";
		}

	}

	/** The recovery in progress: the username only once the key was accepted, never a secret. */
	record RecoveryResponse(CorporateRecoveryStep step,
			@Schema(description = "Shown from NEW_PASSWORD on") @Nullable String username,
			@Nullable Instant keyExpiresAt,
			@Schema(description = "When a new key may be asked for; null when no more may be asked") @Nullable Instant nextKeyAt,
			Instant expiresAt) {

		static RecoveryResponse of(CorporateRecoveryView view) {
			return new RecoveryResponse(view.step(), view.username().orElse(null), view.keyExpiresAt().orElse(null),
					view.nextKeyAt().orElse(null), view.expiresAt());
		}

	}

	// ---- the RUC and the identity number ----------------------------------------------------------------------

	@PostMapping
	@Operation(summary = "Start with the company's RUC and the user's identity number",
			description = "The RUC (13 digits, check digit) and the cédula (10 digits) or passport number. Whether "
					+ "or not they name a user, the answer is the same: 201, a token and the ONE_TIME_KEY step; "
					+ "only a user that exists gets a clave temporal by e-mail and SMS, and any key sent for "
					+ "another recovery is refused as wrong. Rate-limited per address and per RUC.")
	@ApiResponse(responseCode = "201", description = "Started; the token is shown only in this answer",
			content = @Content(schema = @Schema(implementation = StartedResponse.class)))
	@ApiResponse(responseCode = "400", description = "Badly formed fields (see errors)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "429", description = "Too many recoveries from this address or for this RUC",
			headers = @Header(name = "Retry-After", description = "Seconds to wait"),
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> start(@RequestBody StartForm form, HttpServletRequest request) {
		CorporateRecoveryStart outcome = this.recoveries.start(form, ClientContext.of(request),
				ProblemSupport.locale(request));
		if (!outcome.started()) {
			return this.problems.startRefused(outcome, request);
		}
		String token = outcome.token().orElseThrow();
		Optional<CorporateRecoveryView> view = this.recoveries.view(token);
		if (view.isEmpty()) {
			return this.problems.over(this.recoveries.whyOver(token), request);
		}
		return ResponseEntity.created(URI.create(BASE + "/current"))
			.body(new StartedResponse(token, view.get().step(), view.get().keyExpiresAt().orElse(null),
					view.get().nextKeyAt().orElse(null), view.get().expiresAt()));
	}

	// ---- the recovery in progress -----------------------------------------------------------------------------

	@GetMapping("/current")
	@Operation(summary = "The recovery in progress", description = "The current step, when the last key expires and "
			+ "when a new one may be asked for, and the username once the key was accepted.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecoveryResponse.class)))
	@ApiResponse(responseCode = "404", description = "Unknown token",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "410", description = "Expired, cancelled, ended or finished",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> recovery(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			HttpServletRequest request) {
		return currentState(token, request);
	}

	@DeleteMapping("/current")
	@Operation(summary = "Cancel the recovery", description = "The token stops working.")
	@ApiResponse(responseCode = "204", description = "Cancelled")
	@ApiResponse(responseCode = "410", description = "Already over",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> cancel(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			HttpServletRequest request) {
		CorporateRecoveryOutcome outcome = this.recoveries.cancel(token, ClientContext.of(request));
		if (outcome.kind() == CorporateRecoveryOutcome.Kind.OVER
				&& CorporateRecoveryOutcome.CANCELLED.equals(outcome.error())) {
			return ResponseEntity.noContent().build();
		}
		return this.problems.stepRefused(outcome, null, request);
	}

	// ---- the clave temporal -----------------------------------------------------------------------------------

	@PostMapping("/current/one-time-key")
	@Operation(summary = "Send a new clave temporal to the registered e-mail and mobile",
			description = "On the ONE_TIME_KEY step. A new key kills the previous one; it may be asked again only "
					+ "after the cool-down (60 s), and a limited number of times (3).")
	@ApiResponse(responseCode = "200", description = "Sent",
			content = @Content(schema = @Schema(implementation = RecoveryResponse.class)))
	@ApiResponse(responseCode = "409", description = "Not the current step; the problem says which is",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "429", description = "Cool-down (with Retry-After) or no key left",
			headers = @Header(name = "Retry-After", description = "Seconds until a new key may be asked for"),
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> resendKey(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			HttpServletRequest request) {
		return answer(token,
				this.recoveries.resendKey(token, ClientContext.of(request), ProblemSupport.locale(request)), request);
	}

	@PostMapping("/current/one-time-key/verification")
	@Operation(summary = "Verify the clave temporal",
			description = "Accepted: the step is NEW_PASSWORD and the username is shown; a user who has not yet "
					+ "created the definitive credentials gets new temporary ones instead (TEMPORARY_REISSUED). "
					+ "Wrong keys count against the key (3) and the whole recovery (5, then it ends: 410).")
	@ApiResponse(responseCode = "200", description = "Accepted",
			content = @Content(schema = @Schema(implementation = RecoveryResponse.class)))
	@ApiResponse(responseCode = "400", description = "Wrong, expired or exhausted key",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "410", description = "Too many wrong keys: the recovery ended",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> verifyKey(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody KeyForm form, HttpServletRequest request) {
		return answer(token, this.recoveries.verifyKey(token, form, ClientContext.of(request),
				ProblemSupport.locale(request)), request);
	}

	// ---- the new password -------------------------------------------------------------------------------------

	@PutMapping("/current/password")
	@Operation(summary = "Set the new password, which finishes the recovery",
			description = "The corporate credential rules apply, and the password may not be one of the last 5. "
					+ "Finishing lifts any lock, ends every session of the user and sends a notice by e-mail "
					+ "and SMS.")
	@ApiResponse(responseCode = "200", description = "Finished; the step is now COMPLETED",
			content = @Content(schema = @Schema(implementation = RecoveryResponse.class)))
	@ApiResponse(responseCode = "400", description = "The password breaks a rule (see errors)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> setPassword(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody PasswordForm form, HttpServletRequest request) {
		return answer(token, this.recoveries.setPassword(token, form, ClientContext.of(request),
				ProblemSupport.locale(request)), request);
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private ResponseEntity<?> answer(String token, CorporateRecoveryOutcome outcome, HttpServletRequest request) {
		if (outcome.accepted()) {
			return currentState(token, request);
		}
		Instant retryAt = null;
		if (CorporateRecoveryOutcome.COOL_DOWN.equals(outcome.error())) {
			retryAt = this.recoveries.view(token).flatMap(CorporateRecoveryView::nextKeyAt).orElse(null);
		}
		return this.problems.stepRefused(outcome, retryAt == null ? null : secondsUntil(retryAt), request);
	}

	private ResponseEntity<?> currentState(String token, HttpServletRequest request) {
		Optional<CorporateRecoveryView> view = this.recoveries.view(token);
		if (view.isEmpty()) {
			return this.problems.over(this.recoveries.whyOver(token), request);
		}
		return ResponseEntity.ok(RecoveryResponse.of(view.get()));
	}

	private long secondsUntil(Instant at) {
		long millis = at.toEpochMilli() - this.clock.millis();
		return Math.max(1, (millis + 999) / 1000);
	}

}
