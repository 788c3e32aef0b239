package io.clave.server.recovery.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.clave.server.corebanking.CreditCardForm;
import io.clave.server.corebanking.DebitCardForm;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.recovery.Recoveries;
import io.clave.server.recovery.RecoveryForms.AnswerForm;
import io.clave.server.recovery.RecoveryForms.OneTimeKeyForm;
import io.clave.server.recovery.RecoveryForms.PasswordForm;
import io.clave.server.recovery.RecoveryOutcome;
import io.clave.server.recovery.RecoveryStart;
import io.clave.server.recovery.RecoveryStep;
import io.clave.server.recovery.RecoveryView;
import io.clave.server.shared.ClientContext;
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
 * Self-service recovery as a JSON API for the bank's mobile app. Thin, like the pages: every call goes to
 * {@link Recoveries}, so both channels apply the same rules and answer the same message codes;
 * {@link RecoveryApiProblems} turns a refused step into an RFC 9457 problem.
 * <p>
 * The start call answers a random token once; the app sends it back in the {@value #TOKEN_HEADER} header, never in
 * the address (addresses end up in access logs and proxies). No {@code consumes}/{@code produces} conditions on the
 * mappings on purpose: a wrong content type then fails inside this controller and is answered as a problem.
 */
@NullMarked
@RestController
@RequestMapping(RecoveryApi.BASE)
@Tag(name = "Recovery", description = "Forgotten username or password, and self-service unlock, for personal "
		+ "customers: card data, a clave temporal by SMS, one challenge question, then the username and a new "
		+ "password. Errors are RFC 9457 problem details (application/problem+json) whose `code` is the message "
		+ "code the web pages use and whose `errors` lists {field, code, message} per rejected field. Send "
		+ "Accept-Language (es by default, en) for the messages' language.")
class RecoveryApi {

	static final String BASE = "/api/v1/recoveries";

	static final String TOKEN_HEADER = "Recovery-Token";

	private static final String TOKEN_DESCRIPTION = "The token answered by the start call";

	private static final String PROBLEM = "application/problem+json";

	private final Recoveries recoveries;

	private final ChallengeQuestions questions;

	private final RecoveryApiProblems problems;

	private final Clock clock;

	RecoveryApi(Recoveries recoveries, ChallengeQuestions questions, RecoveryApiProblems problems, Clock clock) {
		this.recoveries = recoveries;
		this.questions = questions;
		this.problems = problems;
		this.clock = clock;
	}

	// ---- what crosses the wire (the forms are RecoveryForms, shared with the pages) ---------------------------

	/** The answer to the start call: the token (shown this once) and where the clave temporal will be sent. */
	record StartedResponse(String token, RecoveryStep step, String maskedMobile) {

		@Override
		public String toString() {
			return "StartedResponse[step=" + this.step + "]";
		}

	}

	/** The recovery in progress; the mobile masked, the username only from NEW_PASSWORD on, never a secret. */
	record RecoveryResponse(RecoveryStep step, String maskedMobile,
			@Schema(description = "Shown once the card, the key and the question were answered") @Nullable String username,
			@Nullable Instant keyExpiresAt,
			@Schema(description = "When a new key may be asked for; null when no more may be asked") @Nullable Instant nextKeyAt,
			Instant expiresAt, int wrongAnswersLeft) {

		static RecoveryResponse of(RecoveryView view) {
			return new RecoveryResponse(view.step(), view.maskedMobile(), view.username().orElse(null),
					view.keyExpiresAt().orElse(null), view.nextKeyAt().orElse(null), view.expiresAt(),
					view.wrongAnswersLeft());
		}

	}

	record QuestionResponse(String id, String text) {
	}

	// ---- the card ---------------------------------------------------------------------------------------------

	@PostMapping("/debit-card")
	@Operation(summary = "Start with a debit card",
			description = "Checks the cédula, card number, card PIN, issue date (MM/YYYY) and expiry year. Anything "
					+ "but correct data of a customer with an online-banking user gets one generic answer (422, "
					+ "recovery.card.invalid): unknown cédula or card, wrong data, no user, card blocked or expired. "
					+ "After 3 wrong entries the card is blocked for recovery for 24 hours.")
	@ApiResponse(responseCode = "201", description = "Started; the token is shown only in this answer",
			content = @Content(schema = @Schema(implementation = StartedResponse.class)))
	@ApiResponse(responseCode = "400", description = "Badly formed fields (see errors)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Not started (generic on purpose)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> startWithDebitCard(@RequestBody DebitCardForm form, HttpServletRequest request) {
		return started(this.recoveries.startWithDebitCard(form, ClientContext.of(request)), request);
	}

	@PostMapping("/credit-card")
	@Operation(summary = "Start with a credit card",
			description = "Checks the card number, expiry month and year, the card's ATM PIN and the savings account "
					+ "number. Same answers as the debit-card call.")
	@ApiResponse(responseCode = "201", description = "Started; the token is shown only in this answer",
			content = @Content(schema = @Schema(implementation = StartedResponse.class)))
	@ApiResponse(responseCode = "400", description = "Badly formed fields (see errors)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Not started (generic on purpose)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> startWithCreditCard(@RequestBody CreditCardForm form, HttpServletRequest request) {
		return started(this.recoveries.startWithCreditCard(form, ClientContext.of(request)), request);
	}

	private ResponseEntity<?> started(RecoveryStart outcome, HttpServletRequest request) {
		if (!outcome.started()) {
			return this.problems.cardRefused(outcome, request);
		}
		String token = outcome.token().orElseThrow();
		Optional<RecoveryView> view = this.recoveries.view(token);
		if (view.isEmpty()) {
			return this.problems.over(this.recoveries.whyOver(token), request);
		}
		return ResponseEntity.created(URI.create(BASE + "/current"))
			.body(new StartedResponse(token, view.get().step(), view.get().maskedMobile()));
	}

	// ---- the recovery in progress -----------------------------------------------------------------------------

	@GetMapping("/current")
	@Operation(summary = "The recovery in progress", description = "The current step, the masked mobile, when the "
			+ "last key expires and when a new one may be asked for, and the username once it may be shown.")
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
		RecoveryOutcome outcome = this.recoveries.cancel(token, ClientContext.of(request));
		if (outcome.kind() == RecoveryOutcome.Kind.OVER && "recovery.cancelled".equals(outcome.error())) {
			return ResponseEntity.noContent().build();
		}
		return this.problems.stepRefused(outcome, null, request);
	}

	// ---- the clave temporal -----------------------------------------------------------------------------------

	@PostMapping("/current/one-time-key")
	@Operation(summary = "Send (or send again) the clave temporal by SMS",
			description = "Allowed on the CONTACT_CHECK and ONE_TIME_KEY steps. A new key kills the previous one; "
					+ "it may be asked again only after the cool-down, and a limited number of times.")
	@ApiResponse(responseCode = "200", description = "Sent; the step is now ONE_TIME_KEY",
			content = @Content(schema = @Schema(implementation = RecoveryResponse.class)))
	@ApiResponse(responseCode = "409", description = "Not allowed on the current step; the problem says which is",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "429", description = "Cool-down (with Retry-After) or no key left",
			headers = @Header(name = "Retry-After", description = "Seconds until a new key may be asked for"),
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> sendKey(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			HttpServletRequest request) {
		return answer(token, this.recoveries.sendKey(token, ClientContext.of(request), RecoveryApiProblems.locale(request)),
				request);
	}

	@PostMapping("/current/one-time-key/verification")
	@Operation(summary = "Verify the clave temporal",
			description = "Wrong keys count against the key (3) and the whole recovery (5, then it ends: 410).")
	@ApiResponse(responseCode = "200", description = "Accepted; the step is now CHALLENGE_QUESTION",
			content = @Content(schema = @Schema(implementation = RecoveryResponse.class)))
	@ApiResponse(responseCode = "400", description = "Wrong, expired or exhausted key",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "410", description = "Too many wrong keys: the recovery ended",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> verifyKey(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody OneTimeKeyForm form, HttpServletRequest request) {
		return answer(token, this.recoveries.verifyKey(token, form, ClientContext.of(request)), request);
	}

	// ---- the challenge question -------------------------------------------------------------------------------

	@GetMapping("/current/challenge-question")
	@Operation(summary = "The challenge question to answer",
			description = "One of the questions the customer chose at enrollment, picked at random for this "
					+ "recovery; its text in the request's language.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = QuestionResponse.class)))
	@ApiResponse(responseCode = "409", description = "Not the current step; the problem says which is",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> question(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			HttpServletRequest request) {
		Optional<RecoveryView> view = this.recoveries.view(token);
		if (view.isEmpty()) {
			return this.problems.over(this.recoveries.whyOver(token), request);
		}
		Optional<QuestionResponse> question = view.get()
			.questionId()
			.flatMap(this.questions::find)
			.map(found -> new QuestionResponse(found.id(), found.text(RecoveryApiProblems.locale(request))));
		if (question.isEmpty()) {
			return this.problems.wrongStep(new RecoveryOutcome(RecoveryOutcome.Kind.WRONG_STEP, view.get().step(),
					"recovery.stale-form", Map.of()), request);
		}
		return ResponseEntity.ok(question.get());
	}

	@PostMapping("/current/challenge-question/answer")
	@Operation(summary = "Answer the challenge question",
			description = "Case, accents and extra spaces do not matter. 3 wrong answers end the recovery (410).")
	@ApiResponse(responseCode = "200", description = "Accepted; the step is now NEW_PASSWORD and the username shown",
			content = @Content(schema = @Schema(implementation = RecoveryResponse.class)))
	@ApiResponse(responseCode = "400", description = "Wrong answer",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "410", description = "Too many wrong answers: the recovery ended",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> answerQuestion(
			@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody AnswerForm form, HttpServletRequest request) {
		return answer(token, this.recoveries.answerQuestion(token, form, ClientContext.of(request)), request);
	}

	// ---- the new password -------------------------------------------------------------------------------------

	@PutMapping("/current/password")
	@Operation(summary = "Set the new password, which finishes the recovery",
			description = "The password policy and history apply. Finishing unlocks the access, ends every session "
					+ "of the user and sends a confirmation by e-mail and SMS.")
	@ApiResponse(responseCode = "200", description = "Finished; the step is now COMPLETED",
			content = @Content(schema = @Schema(implementation = RecoveryResponse.class)))
	@ApiResponse(responseCode = "400", description = "The password breaks a rule (see errors)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> setPassword(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody PasswordForm form, HttpServletRequest request) {
		return answer(token,
				this.recoveries.setPassword(token, form, ClientContext.of(request), RecoveryApiProblems.locale(request)),
				request);
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	/** An accepted step answers the recovery as it is now; anything else is a problem. */
	private ResponseEntity<?> answer(String token, RecoveryOutcome outcome, HttpServletRequest request) {
		if (outcome.accepted()) {
			return currentState(token, request);
		}
		Instant retryAt = null;
		if ("recovery.key.cool-down".equals(outcome.error())) {
			retryAt = this.recoveries.view(token).flatMap(RecoveryView::nextKeyAt).orElse(null);
		}
		return this.problems.stepRefused(outcome, retryAt == null ? null : secondsUntil(retryAt), request);
	}

	private ResponseEntity<?> currentState(String token, HttpServletRequest request) {
		Optional<RecoveryView> view = this.recoveries.view(token);
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
