package io.clave.server.banking.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.clave.server.banking.BankingHome;
import io.clave.server.banking.HomeView;
import io.clave.server.banking.PendingPasswordChange;
import io.clave.server.banking.ProfileForms.ChallengeForm;
import io.clave.server.banking.ProfileForms.PasswordChangeForm;
import io.clave.server.banking.ProfileForms.PhonesForm;
import io.clave.server.banking.ProfileForms.SecurityImageForm;
import io.clave.server.banking.ProfileOutcome;
import io.clave.server.banking.ProfileView;
import io.clave.server.banking.Profiles;
import io.clave.server.banking.Statement;
import io.clave.server.corebanking.Account;
import io.clave.server.corebanking.AccountKind;
import io.clave.server.corebanking.AccountMovement;
import io.clave.server.corebanking.AccountMovements;
import io.clave.server.corebanking.Card;
import io.clave.server.corebanking.CardKind;
import io.clave.server.corebanking.CardState;
import io.clave.server.corebanking.CreditCardBalance;
import io.clave.server.identity.SecondFactor;
import io.clave.server.login.SecondFactorChallenge;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.Masks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in customer's own data and profile for the bank's mobile app. The session is the one the login API
 * answered, sent in the {@code X-Auth-Token} header; without it every call answers 401. Thin, like the pages: every
 * call goes to {@link BankingHome} or {@link Profiles}. Money travels as a decimal string with its currency, never
 * as a floating-point number.
 */
@RestController
@RequestMapping(MeApi.BASE)
@Tag(name = "Online banking (signed in)", description = "The signed-in customer's accounts, movements, cards and "
		+ "profile. Send the session in the X-Auth-Token header. Errors are RFC 9457 problem details "
		+ "(application/problem+json) whose `code` is the message code the web pages use and whose `errors` lists "
		+ "{field, code, message} per rejected field. Send Accept-Language (es by default, en).")
@SecurityRequirement(name = "X-Auth-Token")
class MeApi {

	static final String BASE = "/api/v1/me";

	private final BankingHome banking;

	private final Profiles profiles;

	private final MeProblems problems;

	MeApi(BankingHome banking, Profiles profiles, MeProblems problems) {
		this.banking = banking;
		this.profiles = profiles;
		this.problems = problems;
	}

	// ---- what crosses the wire --------------------------------------------------------------------------------

	@Schema(description = "An amount of money: a decimal string with two decimals (negative for a debit) and the "
			+ "ISO 4217 currency")
	record MoneyResponse(@Schema(example = "1520.35") String amount, @Schema(example = "USD") String currency) {

		static MoneyResponse of(BigDecimal amount, String currency) {
			return new MoneyResponse(amount.setScale(2, RoundingMode.HALF_UP).toPlainString(), currency);
		}

	}

	record PreviousLoginResponse(Instant at, String ipAddress) {
	}

	record MeResponse(String firstNames, String fullName, String username,
			@Schema(description = "The last successful login before this one; null at the first login") @Nullable PreviousLoginResponse previousLogin) {
	}

	record AccountResponse(long id, AccountKind kind, @Schema(example = "******3456") String maskedNumber,
			MoneyResponse balance) {

		static AccountResponse of(Account account) {
			return new AccountResponse(account.id(), account.kind(), Masks.accountNumber(account.number()),
					MoneyResponse.of(account.balance(), account.currency()));
		}

	}

	record MovementResponse(Instant postedAt, String description, MoneyResponse amount, MoneyResponse balanceAfter) {

		static MovementResponse of(AccountMovement movement, String currency) {
			return new MovementResponse(movement.postedAt(), movement.description(),
					MoneyResponse.of(movement.amount(), currency), MoneyResponse.of(movement.balanceAfter(), currency));
		}

	}

	record StatementResponse(AccountResponse account,
			@ArraySchema(arraySchema = @Schema(description = "Newest first")) List<MovementResponse> movements) {
	}

	record CreditResponse(MoneyResponse creditLimit, MoneyResponse owed, MoneyResponse available,
			MoneyResponse minimumPayment, @Nullable LocalDate paymentDueDate) {
	}

	record CardResponse(long id, CardKind kind, @Schema(example = "**** **** **** 2349") String maskedNumber,
			@Schema(example = "08/2028") String expiry, CardState state,
			@Schema(description = "Credit cards only") @Nullable CreditResponse credit) {

		static CardResponse debit(Card card) {
			return new CardResponse(card.id(), card.kind(), Masks.cardLastFour(card.lastFour()), expiry(card), card.state(),
					null);
		}

		static CardResponse credit(CreditCardBalance balance) {
			Card card = balance.card();
			String currency = balance.currency();
			return new CardResponse(card.id(), card.kind(), Masks.cardLastFour(card.lastFour()), expiry(card),
					card.state(),
					new CreditResponse(MoneyResponse.of(balance.creditLimit(), currency),
							MoneyResponse.of(balance.balance(), currency),
							MoneyResponse.of(balance.available(), currency),
							MoneyResponse.of(balance.minimumPayment(), currency), balance.paymentDueDate()));
		}

		private static String expiry(Card card) {
			return String.format(Locale.ROOT, "%02d/%d", card.expiry().getMonthValue(), card.expiry().getYear());
		}

	}

	record ProfileResponse(String username, String securityImage, @Nullable String securityPhrase,
			List<String> challengeQuestions, @Nullable String homePhone, @Nullable String workPhone,
			@Schema(description = "Changed only at a branch") String maskedMobile,
			@Schema(description = "Changed only at a branch") String maskedEmail, SecondFactor secondFactor) {

		static ProfileResponse of(ProfileView view) {
			return new ProfileResponse(view.username(), view.securityImage(), view.securityPhrase().orElse(null),
					view.questionIds(), view.homePhone().orElse(null), view.workPhone().orElse(null),
					view.maskedMobile(), view.maskedEmail(), view.secondFactor());
		}

	}

	record PasswordChangeRequest(@Nullable String currentPassword, @Nullable String newPassword,
			@Nullable String confirmation) {

		@Override
		public String toString() {
			return "PasswordChangeRequest[masked]";
		}

	}

	record PasswordChallengeResponse(UUID challengeId, SecondFactorChallenge.Kind kind, boolean sent,
			@Nullable Instant expiresAt,
			@Schema(description = "When a new key may be asked for; null when no more may be asked") @Nullable Instant nextKeyAt) {

		static PasswordChallengeResponse of(SecondFactorChallenge challenge) {
			return new PasswordChallengeResponse(challenge.id(), challenge.kind(), challenge.sent(),
					challenge.expiresAt(), challenge.nextKeyAt());
		}

	}

	record PasswordConfirmationRequest(@Nullable UUID challengeId, @Nullable String code) {

		@Override
		public String toString() {
			return "PasswordConfirmationRequest[" + this.challengeId + "]";
		}

	}

	record ChallengeRequest(@Nullable UUID challengeId) {
	}

	record SecurityImageRequest(@Nullable String image, @Nullable String phrase) {
	}

	record ChallengeQuestionsRequest(@Nullable String question1, @Nullable String answer1,
			@Nullable String question2, @Nullable String answer2, @Nullable String question3,
			@Nullable String answer3) {

		@Override
		public String toString() {
			return "ChallengeQuestionsRequest[masked]";
		}

	}

	record PhonesRequest(@Schema(example = "022345678") @Nullable String homePhone,
			@Schema(example = "042345678") @Nullable String workPhone) {
	}

	// ---- the customer's money ---------------------------------------------------------------------------------

	@GetMapping
	@Operation(summary = "Who is signed in", description = "Names, username and the previous successful login "
			+ "(time and IP address), which the customer should recognise.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MeResponse.class)))
	@ApiResponse(responseCode = "401", description = "No session", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	MeResponse me(@AuthenticationPrincipal SignedInCustomer customer) {
		HomeView home = this.banking.home(customer);
		return new MeResponse(home.firstName(), home.fullName(), home.username(), home.previousLogin()
			.map(login -> new PreviousLoginResponse(login.at(), login.ipAddress()))
			.orElse(null));
	}

	@GetMapping("/accounts")
	@Operation(summary = "The customer's accounts with their balances", description = "Numbers masked.")
	@ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = AccountResponse.class))))
	@ApiResponse(responseCode = "401", description = "No session", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	List<AccountResponse> accounts(@AuthenticationPrincipal SignedInCustomer customer) {
		return this.banking.home(customer).accounts().stream().map(AccountResponse::of).toList();
	}

	@GetMapping("/accounts/{accountId}/movements")
	@Operation(summary = "An account's last movements, newest first",
			description = "Only the customer's own accounts: another's answers 404 exactly like an unknown one.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatementResponse.class)))
	@ApiResponse(responseCode = "404", description = "Not one of the customer's accounts", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> movements(@AuthenticationPrincipal SignedInCustomer customer,
			@Parameter(description = "The id from GET /accounts") @PathVariable long accountId,
			@Parameter(description = "How many movements (1 to 200; 20 by default)") @RequestParam(
					defaultValue = "20") int limit,
			HttpServletRequest request) {
		if (limit < 1 || limit > AccountMovements.MAX_PAGE) {
			return this.problems.fields(HttpStatus.BAD_REQUEST, "form.errors", java.util.Map.of("limit", "banking.api.limit"),
					request);
		}
		return this.banking.statement(customer.customerId(), accountId, limit)
			.<ResponseEntity<?>>map(statement -> ResponseEntity.ok(statementResponse(statement)))
			.orElseGet(() -> this.problems.of(HttpStatus.NOT_FOUND, "banking.api.account.not-found", request));
	}

	@GetMapping("/cards")
	@Operation(summary = "The customer's cards", description = "Credit cards first, with their limit, what is owed, "
			+ "the available credit, the minimum payment and its due date; then debit cards. Only the last four "
			+ "digits of a card number.")
	@ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = CardResponse.class))))
	List<CardResponse> cards(@AuthenticationPrincipal SignedInCustomer customer) {
		HomeView home = this.banking.home(customer);
		List<CardResponse> cards = new ArrayList<>();
		home.creditCards().forEach(balance -> cards.add(CardResponse.credit(balance)));
		home.debitCards().forEach(card -> cards.add(CardResponse.debit(card)));
		return cards;
	}

	// ---- the profile ------------------------------------------------------------------------------------------

	@GetMapping("/profile")
	@Operation(summary = "The profile", description = "Username, security image and phrase, the ids of the "
			+ "challenge questions (never the answers), phones, the registered mobile and e-mail masked, and the "
			+ "second factor.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProfileResponse.class)))
	ProfileResponse profile(@AuthenticationPrincipal SignedInCustomer customer) {
		return ProfileResponse.of(this.profiles.view(customer.userId()));
	}

	@PostMapping("/profile/password")
	@Operation(summary = "Change the password, step 1: the passwords",
			description = "Checks the current password (a wrong one counts towards the lockout) and the new one (the "
					+ "policy, not one of the last 5), then sends a clave temporal by SMS. Nothing changes until "
					+ "step 2 confirms it with the key.")
	@ApiResponse(responseCode = "202", description = "Key sent; confirm with the challenge id",
			content = @Content(schema = @Schema(implementation = PasswordChallengeResponse.class)))
	@ApiResponse(responseCode = "400", description = "New password refused (see errors)", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Wrong current password", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "423", description = "The account is locked; the session has ended",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> startPasswordChange(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestBody PasswordChangeRequest body, HttpServletRequest request, HttpServletResponse response,
			HttpSession session) {
		ProfileOutcome outcome = this.profiles.startPasswordChange(customer.userId(),
				new PasswordChangeForm(body.currentPassword(), body.newPassword(), body.confirmation()),
				ClientContext.of(request), MeProblems.locale(request));
		if (outcome.kind() == ProfileOutcome.Kind.CHALLENGE_SENT && outcome.challenge() != null) {
			session.setAttribute(PendingPasswordChange.SESSION_ATTRIBUTE, outcome.pending());
			return ResponseEntity.accepted().body(PasswordChallengeResponse.of(outcome.challenge()));
		}
		return refused(customer, outcome, request, response);
	}

	@PostMapping("/profile/password/one-time-key")
	@Operation(summary = "Change the password: send the clave temporal again",
			description = "After the cool-down, a limited number of times.")
	@ApiResponse(responseCode = "200", content = @Content(
			schema = @Schema(implementation = PasswordChallengeResponse.class)))
	@ApiResponse(responseCode = "404", description = "No change waiting for that challenge", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "429", description = "Cool-down, or no key left", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> resendPasswordKey(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestBody ChallengeRequest body, HttpServletRequest request, HttpServletResponse response,
			HttpSession session) {
		PendingPasswordChange pending = pendingFor(session, body.challengeId());
		ProfileOutcome outcome = this.profiles.resendPasswordKey(customer.userId(), pending,
				MeProblems.locale(request));
		if (outcome.kind() == ProfileOutcome.Kind.CHALLENGE_SENT && outcome.challenge() != null) {
			return ResponseEntity.ok(PasswordChallengeResponse.of(outcome.challenge()));
		}
		return refused(customer, outcome, request, response);
	}

	@PostMapping("/profile/password/confirmation")
	@Operation(summary = "Change the password, step 2: the clave temporal",
			description = "A wrong key counts towards the lockout. On success the password is changed and the "
					+ "customer is told by e-mail and SMS.")
	@ApiResponse(responseCode = "204", description = "Password changed")
	@ApiResponse(responseCode = "400", description = "The key is not a number", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No change waiting for that challenge (expired or finished)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Wrong key, or a new key is needed", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "423", description = "The account is locked; the session has ended",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> confirmPasswordChange(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestBody PasswordConfirmationRequest body, HttpServletRequest request, HttpServletResponse response,
			HttpSession session) {
		PendingPasswordChange pending = pendingFor(session, body.challengeId());
		ProfileOutcome outcome = this.profiles.confirmPasswordChange(customer.userId(), pending, body.code(),
				ClientContext.of(request), MeProblems.locale(request));
		if (outcome.done()) {
			session.removeAttribute(PendingPasswordChange.SESSION_ATTRIBUTE);
			return ResponseEntity.noContent().build();
		}
		if (pending != null
				&& (outcome.kind() == ProfileOutcome.Kind.OVER || outcome.fieldErrors().containsKey("password"))) {
			// the change waiting in this session is over; a call naming another challenge leaves it alone
			session.removeAttribute(PendingPasswordChange.SESSION_ATTRIBUTE);
		}
		return refused(customer, outcome, request, response);
	}

	@PutMapping("/profile/security-image")
	@Operation(summary = "Change the security image and phrase",
			description = "The image is an id from GET /api/v1/enrollments/security-images; the phrase is optional "
					+ "(up to 40 letters, digits, spaces and punctuation).")
	@ApiResponse(responseCode = "204", description = "Changed")
	@ApiResponse(responseCode = "400", description = "Invalid fields (see errors)", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> changeSecurityImage(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestBody SecurityImageRequest body, HttpServletRequest request, HttpServletResponse response) {
		return answer(customer, this.profiles.changeSecurityImage(customer.userId(),
				new SecurityImageForm(body.image(), body.phrase()), ClientContext.of(request)), request, response);
	}

	@PutMapping("/profile/challenge-questions")
	@Operation(summary = "Replace the challenge questions and answers",
			description = "Three distinct question ids from GET /api/v1/enrollments/challenge-questions, each with "
					+ "an answer of 2 to 60 characters. The previous answers stop working.")
	@ApiResponse(responseCode = "204", description = "Replaced")
	@ApiResponse(responseCode = "400", description = "Invalid fields (see errors)", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> changeChallengeQuestions(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestBody ChallengeQuestionsRequest body, HttpServletRequest request, HttpServletResponse response) {
		return answer(customer, this.profiles.changeChallengeQuestions(customer.userId(),
				new ChallengeForm(body.question1(), body.answer1(), body.question2(), body.answer2(), body.question3(),
						body.answer3()),
				ClientContext.of(request)), request, response);
	}

	@PutMapping("/profile/phones")
	@Operation(summary = "Change the home and work phones",
			description = "Ecuadorian numbers, e.g. 022345678. The registered mobile and e-mail are changed only at "
					+ "a branch.")
	@ApiResponse(responseCode = "204", description = "Changed")
	@ApiResponse(responseCode = "400", description = "Invalid fields (see errors)", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@Parameter(name = "Accept-Language", in = ParameterIn.HEADER, example = "es")
	ResponseEntity<?> changePhones(@AuthenticationPrincipal SignedInCustomer customer, @RequestBody PhonesRequest body,
			HttpServletRequest request, HttpServletResponse response) {
		return answer(customer, this.profiles.changePhones(customer.userId(),
				new PhonesForm(body.homePhone(), body.workPhone()), ClientContext.of(request)), request, response);
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private ResponseEntity<?> answer(SignedInCustomer customer, ProfileOutcome outcome, HttpServletRequest request,
			HttpServletResponse response) {
		return outcome.done() ? ResponseEntity.noContent().build() : refused(customer, outcome, request, response);
	}

	private ResponseEntity<?> refused(SignedInCustomer customer, ProfileOutcome outcome, HttpServletRequest request,
			HttpServletResponse response) {
		return switch (outcome.kind()) {
			case LOCKED -> {
				this.profiles.sessionEndedByLock(customer.userId(), ClientContext.of(request));
				new SecurityContextLogoutHandler().logout(request, response,
						SecurityContextHolder.getContext().getAuthentication());
				yield this.problems.of(HttpStatus.LOCKED, outcome.error(), request);
			}
			case OVER -> this.problems.of(HttpStatus.NOT_FOUND, "banking.api.challenge.not-found", request);
			default -> switch (outcome.error()) {
				case "profile.password.current-wrong", "profile.key.wrong", "profile.key.new-needed" ->
					this.problems.fields(HttpStatus.UNPROCESSABLE_CONTENT, outcome.error(), outcome.fieldErrors(),
							request);
				case "profile.key.cool-down", "profile.key.limit-reached" ->
					this.problems.of(HttpStatus.TOO_MANY_REQUESTS, outcome.error(), request);
				default -> this.problems.fields(HttpStatus.BAD_REQUEST, outcome.error(), outcome.fieldErrors(),
						request);
			};
		};
	}

	/** The change waiting in this session, if it is the one the app names. */
	private static @Nullable PendingPasswordChange pendingFor(HttpSession session, @Nullable UUID challengeId) {
		return session.getAttribute(PendingPasswordChange.SESSION_ATTRIBUTE) instanceof PendingPasswordChange pending
				&& pending.challengeId().equals(challengeId) ? pending : null;
	}

	private static StatementResponse statementResponse(Statement statement) {
		String currency = statement.account().currency();
		return new StatementResponse(AccountResponse.of(statement.account()),
				statement.movements().stream().map(movement -> MovementResponse.of(movement, currency)).toList());
	}


}
