package io.clave.server.enrollment.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.clave.server.corebanking.CreditCardForm;
import io.clave.server.corebanking.DebitCardForm;
import io.clave.server.enrollment.CardCheckOutcome;
import io.clave.server.enrollment.EnrollmentForms.ChallengeForm;
import io.clave.server.enrollment.EnrollmentForms.ContactDataForm;
import io.clave.server.enrollment.EnrollmentForms.OneTimeKeyForm;
import io.clave.server.enrollment.EnrollmentForms.PasswordForm;
import io.clave.server.enrollment.EnrollmentForms.SecondFactorForm;
import io.clave.server.enrollment.EnrollmentForms.SecurityImageForm;
import io.clave.server.enrollment.EnrollmentForms.UsernameForm;
import io.clave.server.enrollment.EnrollmentStep;
import io.clave.server.enrollment.EnrollmentView;
import io.clave.server.enrollment.Enrollments;
import io.clave.server.enrollment.StepOutcome;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.SecurityImages;
import io.clave.server.shared.ClientContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
 * The self-enrollment flow as a JSON API for the bank's mobile app. Thin, like the pages: every call goes to
 * {@link Enrollments}, so both channels apply the same rules and answer the same message codes; {@link ApiProblems}
 * turns a refused step into an RFC 9457 problem.
 * <p>
 * The start call answers a random token once; the app sends it back in the {@value #TOKEN_HEADER} header, never in
 * the address (addresses end up in access logs and proxies).
 * <p>
 * No {@code consumes}/{@code produces} conditions on the mappings on purpose: a wrong content type then fails while
 * reading the body, inside this controller, and {@link ApiProblems} answers it, instead of failing before a handler
 * is chosen.
 */
@NullMarked
@RestController
@RequestMapping(EnrollmentApi.BASE)
@Tag(name = "Enrollment", description = "Personal self-enrollment in online banking with a debit or credit card. "
		+ "Errors are RFC 9457 problem details (application/problem+json) whose `code` is the message code the web "
		+ "pages use and whose `errors` lists {field, code, message} per rejected field. Send Accept-Language "
		+ "(es by default, en) for the messages' language.")
class EnrollmentApi {

	static final String BASE = "/api/v1/enrollments";

	static final String TOKEN_HEADER = "Enrollment-Token";

	private static final String TOKEN_DESCRIPTION = "The token answered by the start call";

	private final Enrollments enrollments;

	private final SecurityImages images;

	private final ChallengeQuestions questions;

	private final ApiProblems problems;

	private final Clock clock;

	EnrollmentApi(Enrollments enrollments, SecurityImages images, ChallengeQuestions questions, ApiProblems problems,
			Clock clock) {
		this.enrollments = enrollments;
		this.images = images;
		this.questions = questions;
		this.problems = problems;
		this.clock = clock;
	}

	// ---- what crosses the wire (the forms are EnrollmentForms, shared with the pages) --------------------------

	/** The answer to the start call: the token (shown this once) and where the codes will be sent. */
	record StartedResponse(String token, EnrollmentStep step, Contact contact) {

		@Override
		public String toString() {
			return "StartedResponse[step=" + this.step + "]";
		}

	}

	record Contact(String mobile, String email) {
	}

	/** The enrollment in progress; contact data masked, never a secret. */
	record EnrollmentResponse(EnrollmentStep step, int wizardStep, String maskedMobile, String maskedEmail,
			@Nullable String username, @Nullable Instant keyExpiresAt,
			@Schema(description = "When a new key may be asked for; null when no more may be asked") @Nullable Instant nextKeyAt,
			Instant expiresAt) {

		static EnrollmentResponse of(EnrollmentView view) {
			return new EnrollmentResponse(view.step(), view.step().wizardNumber(), view.maskedMobile(),
					view.maskedEmail(), view.username().orElse(null), view.keyExpiresAt().orElse(null),
					view.nextKeyAt().orElse(null), view.expiresAt());
		}

	}

	record SecurityImageResponse(String id, String name, String url) {
	}

	record ChallengeQuestionResponse(String id, String text) {
	}

	// ---- the card ---------------------------------------------------------------------------------------------

	@PostMapping("/debit-card")
	@Operation(summary = "Start with a debit card",
			description = "Checks the cédula, card number, card PIN, issue date (MM/YYYY) and expiry year. Wrong data "
					+ "get one generic answer (422, enrollment.card.invalid); after 3 the card is blocked for "
					+ "enrollment for 24 hours.")
	@ApiResponse(responseCode = "201", description = "Started; the token is shown only in this answer",
			content = @Content(schema = @Schema(implementation = StartedResponse.class)))
	@ApiResponse(responseCode = "400", description = "Invalid fields (see errors)", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403",
			description = "Card blocked for enrollment, card not usable, or customer already enrolled",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "The data do not match a card (generic on purpose)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> startWithDebitCard(@RequestBody DebitCardForm form, HttpServletRequest request) {
		return started(this.enrollments.startWithDebitCard(form, ClientContext.of(request)), request);
	}

	@PostMapping("/credit-card")
	@Operation(summary = "Start with a credit card",
			description = "Checks the card number, expiry month and year, the card's ATM PIN and the savings account "
					+ "number. Same answers as the debit-card call.")
	@ApiResponse(responseCode = "201", description = "Started; the token is shown only in this answer",
			content = @Content(schema = @Schema(implementation = StartedResponse.class)))
	@ApiResponse(responseCode = "422", description = "The data do not match a card (generic on purpose)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> startWithCreditCard(@RequestBody CreditCardForm form, HttpServletRequest request) {
		return started(this.enrollments.startWithCreditCard(form, ClientContext.of(request)), request);
	}

	private ResponseEntity<?> started(CardCheckOutcome outcome, HttpServletRequest request) {
		if (!outcome.started()) {
			return this.problems.cardRefused(outcome, request);
		}
		String token = outcome.token().orElseThrow();
		Optional<EnrollmentView> view = this.enrollments.view(token);
		if (view.isEmpty()) {
			return this.problems.over(this.enrollments.whyOver(token), request);
		}
		return ResponseEntity.created(URI.create(BASE + "/current"))
			.body(new StartedResponse(token, view.get().step(),
					new Contact(view.get().maskedMobile(), view.get().maskedEmail())));
	}

	// ---- the enrollment in progress ---------------------------------------------------------------------------

	@GetMapping("/current")
	@Operation(summary = "The enrollment in progress", description = "The current step, the masked contact data, "
			+ "when the last key expires and when a new one may be asked for.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
	@ApiResponse(responseCode = "410", description = "Expired, cancelled, ended or unknown", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> enrollment(
			@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			HttpServletRequest request) {
		return currentState(token, request);
	}

	@DeleteMapping("/current")
	@Operation(summary = "Cancel the enrollment", description = "The token stops working. Cancelling twice is fine.")
	@ApiResponse(responseCode = "204", description = "Cancelled")
	@ApiResponse(responseCode = "410", description = "Already over", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> cancel(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			HttpServletRequest request) {
		StepOutcome outcome = this.enrollments.cancel(token, ClientContext.of(request));
		if (outcome.kind() == StepOutcome.Kind.OVER && "enrollment.cancelled".equals(outcome.error())) {
			return ResponseEntity.noContent().build();
		}
		return this.problems.stepRefused(outcome, null, request);
	}

	// ---- the clave temporal -----------------------------------------------------------------------------------

	@PostMapping("/current/one-time-key")
	@Operation(summary = "Send (or send again) the clave temporal by SMS",
			description = "Allowed on the contact step and on the key step. A new key kills the previous one; it "
					+ "may be asked again only after the cool-down, and a limited number of times.")
	@ApiResponse(responseCode = "200", description = "Sent; the step is now ONE_TIME_KEY",
			content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
	@ApiResponse(responseCode = "429", description = "Cool-down (with Retry-After) or no key left",
			headers = @Header(name = "Retry-After", description = "Seconds until a new key may be asked for"),
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> sendKey(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			HttpServletRequest request) {
		return answer(token, this.enrollments.sendKey(token, ClientContext.of(request), ApiProblems.locale(request)), request);
	}

	@PostMapping("/current/one-time-key/verification")
	@Operation(summary = "Verify the clave temporal",
			description = "Wrong keys count against the key (3) and the whole enrollment (5, then it ends).")
	@ApiResponse(responseCode = "200", description = "Accepted; the step is now USERNAME",
			content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
	@ApiResponse(responseCode = "400", description = "Wrong, expired or exhausted key", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> verifyKey(@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody OneTimeKeyForm form, HttpServletRequest request) {
		return answer(token, this.enrollments.verifyKey(token, form, ClientContext.of(request)), request);
	}

	// ---- the six steps ----------------------------------------------------------------------------------------

	@PutMapping("/current/username")
	@Operation(summary = "Step 1: choose the username",
			description = "8 to 14 letters and digits, unique regardless of letter case, not the cédula, names or "
					+ "birth date.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
	@ApiResponse(responseCode = "409", description = "Not the current step (stale form); the problem says which is",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> chooseUsername(
			@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody UsernameForm form, HttpServletRequest request) {
		return answer(token, this.enrollments.chooseUsername(token, form, ClientContext.of(request)), request);
	}

	@PutMapping("/current/password")
	@Operation(summary = "Step 2: choose the password",
			description = "8 to 20 characters with upper case, lower case and digits; not the username, not common, "
					+ "not the cédula, names or birth date.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
	ResponseEntity<?> choosePassword(
			@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody PasswordForm form, HttpServletRequest request) {
		return answer(token, this.enrollments.choosePassword(token, form, ClientContext.of(request)), request);
	}

	@PutMapping("/current/security-image")
	@Operation(summary = "Step 3: choose the security image and an optional phrase",
			description = "The image is an id from GET /security-images.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
	ResponseEntity<?> chooseSecurityImage(
			@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody SecurityImageForm form, HttpServletRequest request) {
		return answer(token, this.enrollments.chooseSecurityImage(token, form, ClientContext.of(request)), request);
	}

	@PutMapping("/current/contact-data")
	@Operation(summary = "Step 4: home and work phones", description = "Ecuadorian numbers, e.g. 022345678.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
	ResponseEntity<?> updateContactData(
			@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody ContactDataForm form, HttpServletRequest request) {
		return answer(token, this.enrollments.updateContactData(token, form, ClientContext.of(request)), request);
	}

	@PutMapping("/current/challenge-questions")
	@Operation(summary = "Step 5: three challenge questions and the terms of service",
			description = "Three different question ids from GET /challenge-questions with their answers; "
					+ "acceptTerms must be true.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
	ResponseEntity<?> answerChallengeQuestions(
			@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody ChallengeForm form, HttpServletRequest request) {
		return answer(token, this.enrollments.answerChallengeQuestions(token, form, ClientContext.of(request)), request);
	}

	@PutMapping("/current/second-factor")
	@Operation(summary = "Step 6: the second factor, which creates the user",
			description = "choice is TOKEN (Token digital, activated after the first login) or LATER (the clave "
					+ "temporal by SMS until then). A confirmation e-mail and SMS follow.")
	@ApiResponse(responseCode = "200", description = "The user exists; the step is now COMPLETED",
			content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
	ResponseEntity<?> chooseSecondFactor(
			@Parameter(description = TOKEN_DESCRIPTION) @RequestHeader(TOKEN_HEADER) String token,
			@RequestBody SecondFactorForm form, HttpServletRequest request) {
		return answer(token,
				this.enrollments.chooseSecondFactor(token, form, ClientContext.of(request), ApiProblems.locale(request)),
				request);
	}

	// ---- catalogues -------------------------------------------------------------------------------------------

	@GetMapping("/security-images")
	@Operation(summary = "The security images to choose from", description = "Names in the request's language.")
	@ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = SecurityImageResponse.class))))
	@Parameter(name = "Accept-Language", in = ParameterIn.HEADER, example = "es")
	List<SecurityImageResponse> securityImages(HttpServletRequest request) {
		Locale locale = ApiProblems.locale(request);
		return this.images.all()
			.stream()
			.map(image -> new SecurityImageResponse(image.id(), image.name(locale), image.path()))
			.toList();
	}

	@GetMapping("/challenge-questions")
	@Operation(summary = "The challenge questions to choose from", description = "Texts in the request's language.")
	@ApiResponse(responseCode = "200", content = @Content(
			array = @ArraySchema(schema = @Schema(implementation = ChallengeQuestionResponse.class))))
	@Parameter(name = "Accept-Language", in = ParameterIn.HEADER, example = "es")
	List<ChallengeQuestionResponse> challengeQuestions(HttpServletRequest request) {
		Locale locale = ApiProblems.locale(request);
		return this.questions.all()
			.stream()
			.map(question -> new ChallengeQuestionResponse(question.id(), question.text(locale)))
			.toList();
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	/** An accepted step answers the enrollment as it is now; anything else is a problem. */
	private ResponseEntity<?> answer(String token, StepOutcome outcome, HttpServletRequest request) {
		if (outcome.accepted()) {
			return currentState(token, request);
		}
		Instant retryAt = null;
		if ("enrollment.key.cool-down".equals(outcome.error())) {
			retryAt = this.enrollments.view(token).flatMap(EnrollmentView::nextKeyAt).orElse(null);
		}
		return this.problems.stepRefused(outcome, retryAt == null ? null : secondsUntil(retryAt), request);
	}

	private ResponseEntity<?> currentState(String token, HttpServletRequest request) {
		Optional<EnrollmentView> view = this.enrollments.view(token);
		if (view.isEmpty()) {
			return this.problems.over(this.enrollments.whyOver(token), request);
		}
		return ResponseEntity.ok(EnrollmentResponse.of(view.get()));
	}

	private long secondsUntil(Instant at) {
		long millis = at.toEpochMilli() - this.clock.millis();
		return Math.max(1, (millis + 999) / 1000);
	}


}
