package io.clave.server.enrollment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corebanking.Card;
import io.clave.server.corebanking.CardAttemptCounter;
import io.clave.server.corebanking.CardholderCheck;
import io.clave.server.corebanking.CardholderChecks;
import io.clave.server.corebanking.CreditCardForm;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.corebanking.DebitCardForm;
import io.clave.server.enrollment.EnrollmentForms.ChallengeForm;
import io.clave.server.enrollment.EnrollmentForms.ContactDataForm;
import io.clave.server.enrollment.EnrollmentForms.OneTimeKeyForm;
import io.clave.server.enrollment.EnrollmentForms.PasswordForm;
import io.clave.server.enrollment.EnrollmentForms.SecondFactorForm;
import io.clave.server.enrollment.EnrollmentForms.SecurityImageForm;
import io.clave.server.enrollment.EnrollmentForms.UsernameForm;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.NewUser;
import io.clave.server.identity.PasswordPolicy;
import io.clave.server.identity.PersonalFacts;
import io.clave.server.identity.SecondFactor;
import io.clave.server.identity.SecurityImages;
import io.clave.server.identity.User;
import io.clave.server.identity.UsernamePolicy;
import io.clave.server.identity.Users;
import io.clave.server.notification.Channels;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyCheck;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.onetimekey.KeyStatus;
import io.clave.server.onetimekey.OneTimeKeys;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.FieldErrors;
import io.clave.server.shared.PhoneNumber;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The self-enrollment flow, step by step. Each method takes the token that the browser session or the app holds,
 * locks the enrollment row, checks that the submitted step is the current one, validates everything on the server,
 * and either moves to the next step or answers with message codes. Every step is an audit event.
 */
@Service
public class Enrollments {

	private static final String TOKEN_HMAC = "enrollment-token";

	private static final int MAX_PHRASE_LENGTH = 40;

	private final EnrollmentStore store;

	private final CardAttemptCounter cardAttempts;

	private final Customers customers;

	private final CardholderChecks cardholders;

	private final Users users;

	private final UsernamePolicy usernamePolicy;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final SecurityImages images;

	private final ChallengeQuestions questions;

	private final OneTimeKeys keys;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Secrets secrets;

	private final SecureRandom random;

	private final EnrollmentSettings settings;

	private final Clock clock;

	private final BankSettings bank;

	Enrollments(EnrollmentStore store, @Qualifier("enrollmentCardAttempts") CardAttemptCounter cardAttempts,
			Customers customers, CardholderChecks cardholders, Users users, UsernamePolicy usernamePolicy,
			PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, SecurityImages images,
			ChallengeQuestions questions, OneTimeKeys keys, Notifications notifications, AuditTrail audit,
			Secrets secrets, SecureRandom random, EnrollmentSettings settings, Clock clock, BankSettings bank) {
		this.store = store;
		this.cardAttempts = cardAttempts;
		this.customers = customers;
		this.cardholders = cardholders;
		this.users = users;
		this.usernamePolicy = usernamePolicy;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.images = images;
		this.questions = questions;
		this.keys = keys;
		this.notifications = notifications;
		this.audit = audit;
		this.secrets = secrets;
		this.random = random;
		this.settings = settings;
		this.clock = clock;
		this.bank = bank;
	}

	// ---- the card ---------------------------------------------------------------------------------------------

	@Transactional
	public CardCheckOutcome startWithDebitCard(DebitCardForm form, ClientContext client) {
		return proceed(this.cardholders.checkDebit(form), client);
	}

	@Transactional
	public CardCheckOutcome startWithCreditCard(CreditCardForm form, ClientContext client) {
		return proceed(this.cardholders.checkCredit(form), client);
	}

	private CardCheckOutcome proceed(CardholderCheck check, ClientContext client) {
		return switch (check.outcome()) {
			case INVALID_FIELDS -> CardCheckOutcome.invalidFields(check.fieldErrors());
			case UNKNOWN_CARD -> refuse("unknown-card", null, client);
			case WRONG_DATA -> wrongCardData(check.knownCard(), client);
			case MATCHED -> start(check.knownCard(), check.holder(), client);
		};
	}

	private CardCheckOutcome start(Card card, Customer customer, ClientContext client) {
		Instant now = this.clock.instant();
		String subject = subject(customer.id());
		if (this.cardAttempts.blockedUntil(card.id(), now).isPresent()) {
			this.audit.record(AuditEvent.failure("ENROLLMENT_CARD_CHECK", subject, client, "card-blocked-for-enrollment"));
			return CardCheckOutcome.refused("enrollment.card.blocked-for-enrollment");
		}
		if (!card.isUsableOn(LocalDate.ofInstant(now, this.bank.timeZone()))) {
			this.audit.record(AuditEvent.failure("ENROLLMENT_CARD_CHECK", subject, client, "card-" + card.state())
				.with("card", "****" + card.lastFour()));
			return CardCheckOutcome.refused("enrollment.card.not-usable");
		}
		if (this.users.existsForCustomer(customer.id())) {
			this.audit.record(AuditEvent.failure("ENROLLMENT_CARD_CHECK", subject, client, "already-enrolled"));
			return CardCheckOutcome.refused("enrollment.customer.already-enrolled");
		}
		this.cardAttempts.reset(card.id());
		byte[] tokenBytes = new byte[32];
		this.random.nextBytes(tokenBytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
		UUID id = UUID.randomUUID();
		this.store.create(id, tokenHash(token), customer.id(), card.id(), now, now.plus(this.settings.lifetime()));
		this.audit.record(AuditEvent.success("ENROLLMENT_CARD_CHECK", subject, client)
			.with("card", "****" + card.lastFour())
			.with("kind", card.kind().name())
			.with("enrollment", id.toString()));
		return CardCheckOutcome.started(token);
	}

	private CardCheckOutcome wrongCardData(Card card, ClientContext client) {
		boolean blocked = this.cardAttempts.recordFailure(card.id(), this.clock.instant());
		this.audit.record(AuditEvent.failure("ENROLLMENT_CARD_CHECK", subject(card.customerId()), client,
				blocked ? "wrong-card-data-now-blocked" : "wrong-card-data")
			.with("card", "****" + card.lastFour()));
		return CardCheckOutcome.refused(blocked ? "enrollment.card.blocked-for-enrollment" : "enrollment.card.invalid");
	}

	private CardCheckOutcome refuse(String reason, Long customerId, ClientContext client) {
		this.audit.record(AuditEvent.failure("ENROLLMENT_CARD_CHECK",
				customerId == null ? "anonymous" : subject(customerId), client, reason));
		return CardCheckOutcome.refused("enrollment.card.invalid");
	}

	// ---- the view of the current step -------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Optional<EnrollmentView> view(String token) {
		Optional<Enrollment> found = this.store.find(tokenHash(token));
		if (found.isEmpty() || !(found.get().open() || found.get().completed())) {
			return Optional.empty();
		}
		Enrollment enrollment = found.get();
		if (enrollment.open() && isExpired(enrollment)) {
			return Optional.empty();
		}
		Customer customer = this.customers.findById(enrollment.customerId()).orElseThrow();
		KeyStatus keyStatus = this.keys.status(enrollment.id(), KeyPurpose.ENROLLMENT);
		return Optional.of(new EnrollmentView(enrollment.step(), customer.mobilePhone().masked(),
				customer.email().masked(), Optional.ofNullable(enrollment.username()),
				keyStatus.activeKeyExpiresAt(), keyStatus.nextIssueAt(), enrollment.expiresAt(),
				Optional.ofNullable(enrollment.secondFactor())));
	}

	/** Why there is no view: the code the page or API shows. */
	@Transactional
	public String whyOver(String token) {
		lockOpen(token);
		return reasonOver(token);
	}

	// ---- contact check and the clave temporal -----------------------------------------------------------------

	@Transactional
	public StepOutcome cancel(String token, ClientContext client) {
		return withEnrollment(token, null, enrollment -> {
			this.store.end(enrollment.id(), "CANCELLED", this.clock.instant());
			this.audit.record(AuditEvent.success("ENROLLMENT_CANCELLED", subject(enrollment.customerId()), client));
			return StepOutcome.over("enrollment.cancelled");
		});
	}

	/** "Generar OTP" on the contact page, and "Reenviar" on the key page. */
	@Transactional
	public StepOutcome sendKey(String token, ClientContext client, Locale locale) {
		Optional<Enrollment> found = lockOpen(token);
		if (found.isEmpty()) {
			return StepOutcome.over(reasonOver(token));
		}
		Enrollment enrollment = found.get();
		if (enrollment.step() != EnrollmentStep.CONTACT_CHECK && enrollment.step() != EnrollmentStep.ONE_TIME_KEY) {
			return StepOutcome.wrongStep(enrollment.step());
		}
		Customer customer = this.customers.findById(enrollment.customerId()).orElseThrow();
		Recipient recipient = new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email());
		KeyIssue issue = this.keys.issue(enrollment.id(), KeyPurpose.ENROLLMENT, recipient, Channels.SMS, locale);
		String subject = subject(enrollment.customerId());
		switch (issue.outcome()) {
			case ISSUED -> {
				this.store.moveTo(enrollment.id(), EnrollmentStep.ONE_TIME_KEY, this.clock.instant());
				this.audit.record(AuditEvent.success("ENROLLMENT_KEY_SENT", subject, client)
					.with("channel", "SMS")
					.with("to", customer.mobilePhone().masked()));
				return StepOutcome.advanced(EnrollmentStep.ONE_TIME_KEY);
			}
			case COOL_DOWN -> {
				this.audit.record(AuditEvent.failure("ENROLLMENT_KEY_SENT", subject, client, "cool-down"));
				return StepOutcome.rejected(enrollment.step(), "enrollment.key.cool-down");
			}
			case LIMIT_REACHED -> {
				this.audit.record(AuditEvent.failure("ENROLLMENT_KEY_SENT", subject, client, "resend-limit"));
				return StepOutcome.rejected(enrollment.step(), "enrollment.key.limit-reached");
			}
			default -> {
				this.store.end(enrollment.id(), "ENDED", this.clock.instant());
				this.audit.record(AuditEvent.failure("ENROLLMENT_KEY_SENT", subject, client, "flow-ended"));
				return StepOutcome.over("enrollment.key.flow-ended");
			}
		}
	}

	@Transactional
	public StepOutcome verifyKey(String token, OneTimeKeyForm form, ClientContext client) {
		return withEnrollment(token, EnrollmentStep.ONE_TIME_KEY, enrollment -> {
			String candidate = form.key() == null ? "" : form.key().strip();
			if (!candidate.matches("[0-9]{4,10}")) {
				return StepOutcome.rejected(EnrollmentStep.ONE_TIME_KEY, Map.of("key", "key.format"));
			}
			KeyCheck check = this.keys.verify(enrollment.id(), KeyPurpose.ENROLLMENT, candidate);
			String subject = subject(enrollment.customerId());
			if (check == KeyCheck.ACCEPTED) {
				this.store.moveTo(enrollment.id(), EnrollmentStep.USERNAME, this.clock.instant());
				this.audit.record(AuditEvent.success("ENROLLMENT_KEY_VERIFIED", subject, client));
				return StepOutcome.advanced(EnrollmentStep.USERNAME);
			}
			this.audit.record(AuditEvent.failure("ENROLLMENT_KEY_VERIFIED", subject, client, check.name()));
			if (check == KeyCheck.FLOW_ENDED) {
				this.store.end(enrollment.id(), "ENDED", this.clock.instant());
				return StepOutcome.over("enrollment.key.flow-ended");
			}
			return StepOutcome.rejected(EnrollmentStep.ONE_TIME_KEY,
					"enrollment.key." + check.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		});
	}

	// ---- the six steps ----------------------------------------------------------------------------------------

	@Transactional
	public StepOutcome chooseUsername(String token, UsernameForm form, ClientContext client) {
		return withEnrollment(token, EnrollmentStep.USERNAME, enrollment -> {
			String username = form.username() == null ? null : form.username().strip();
			String confirmation = form.confirmation() == null ? null : form.confirmation().strip();
			Optional<String> problem = this.usernamePolicy.check(username, confirmation, facts(enrollment))
				.map(rule -> "username.rule." + rule.name().toLowerCase(Locale.ROOT));
			if (problem.isEmpty() && this.users.usernameTaken(username)) {
				problem = Optional.of("username.rule.taken");
			}
			if (problem.isPresent()) {
				this.audit.record(AuditEvent.failure("ENROLLMENT_USERNAME", subject(enrollment.customerId()), client,
						problem.get()));
				String field = problem.get().endsWith("confirmation_mismatch") ? "confirmation" : "username";
				return StepOutcome.rejected(EnrollmentStep.USERNAME, Map.of(field, problem.get()));
			}
			this.store.saveUsername(enrollment.id(), username, this.clock.instant());
			this.audit.record(AuditEvent.success("ENROLLMENT_USERNAME", subject(enrollment.customerId()), client)
				.with("username", username));
			return StepOutcome.advanced(EnrollmentStep.PASSWORD);
		});
	}

	@Transactional
	public StepOutcome choosePassword(String token, PasswordForm form, ClientContext client) {
		return withEnrollment(token, EnrollmentStep.PASSWORD, enrollment -> {
			Optional<String> problem = this.passwordPolicy
				.check(form.password(), form.confirmation(), enrollment.username(), facts(enrollment))
				.map(rule -> "password.rule." + rule.name().toLowerCase(Locale.ROOT));
			if (problem.isPresent()) {
				this.audit.record(AuditEvent.failure("ENROLLMENT_PASSWORD", subject(enrollment.customerId()), client,
						problem.get()));
				String field = problem.get().endsWith("confirmation_mismatch") ? "confirmation" : "password";
				return StepOutcome.rejected(EnrollmentStep.PASSWORD, Map.of(field, problem.get()));
			}
			this.store.savePasswordHash(enrollment.id(), this.passwordEncoder.encode(form.password()),
					this.clock.instant());
			this.audit.record(AuditEvent.success("ENROLLMENT_PASSWORD", subject(enrollment.customerId()), client));
			return StepOutcome.advanced(EnrollmentStep.SECURITY_IMAGE);
		});
	}

	@Transactional
	public StepOutcome chooseSecurityImage(String token, SecurityImageForm form, ClientContext client) {
		return withEnrollment(token, EnrollmentStep.SECURITY_IMAGE, enrollment -> {
			FieldErrors errors = new FieldErrors();
			if (form.image() == null || this.images.find(form.image()).isEmpty()) {
				errors.reject("image", "image.invalid");
			}
			String phrase = null;
			if (form.phrase() != null && !form.phrase().isBlank()) {
				phrase = errors.text("phrase", form.phrase(), MAX_PHRASE_LENGTH);
				if (phrase != null && !phrase.matches("[\\p{L}\\p{N} .,;:¡!¿?'()\\-]+")) {
					errors.reject("phrase", "phrase.characters");
				}
			}
			if (errors.any()) {
				return StepOutcome.rejected(EnrollmentStep.SECURITY_IMAGE, errors.asMap());
			}
			this.store.saveImage(enrollment.id(), form.image(), phrase, this.clock.instant());
			this.audit.record(AuditEvent.success("ENROLLMENT_SECURITY_IMAGE", subject(enrollment.customerId()), client));
			return StepOutcome.advanced(EnrollmentStep.CONTACT_DATA);
		});
	}

	@Transactional
	public StepOutcome updateContactData(String token, ContactDataForm form, ClientContext client) {
		return withEnrollment(token, EnrollmentStep.CONTACT_DATA, enrollment -> {
			FieldErrors errors = new FieldErrors();
			Optional<PhoneNumber> home = phone(errors, "homePhone", form.homePhone());
			Optional<PhoneNumber> work = phone(errors, "workPhone", form.workPhone());
			if (errors.any()) {
				return StepOutcome.rejected(EnrollmentStep.CONTACT_DATA, errors.asMap());
			}
			this.store.saveContactData(enrollment.id(), home.orElseThrow().value(), work.orElseThrow().value(),
					this.clock.instant());
			this.audit.record(AuditEvent.success("ENROLLMENT_CONTACT_DATA", subject(enrollment.customerId()), client));
			return StepOutcome.advanced(EnrollmentStep.CHALLENGE_QUESTIONS);
		});
	}

	@Transactional
	public StepOutcome answerChallengeQuestions(String token, ChallengeForm form, ClientContext client) {
		return withEnrollment(token, EnrollmentStep.CHALLENGE_QUESTIONS, enrollment -> {
			FieldErrors errors = new FieldErrors();
			String[][] pairs = { { "question1", form.question1(), "answer1", form.answer1() },
					{ "question2", form.question2(), "answer2", form.answer2() },
					{ "question3", form.question3(), "answer3", form.answer3() } };
			Map<String, String> answers = new LinkedHashMap<>();
			Set<String> chosen = new HashSet<>();
			for (String[] pair : pairs) {
				String question = pair[1];
				if (question == null || this.questions.find(question).isEmpty()) {
					errors.reject(pair[0], "question.invalid");
				}
				else if (!chosen.add(question)) {
					errors.reject(pair[0], "question.duplicate");
				}
				String answer = errors.text(pair[2], pair[3], ChallengeQuestions.MAX_ANSWER_LENGTH);
				if (answer != null && ChallengeQuestions.normaliseAnswer(answer).length() < 2) {
					errors.reject(pair[2], "answer.too-short");
				}
				else if (answer != null && question != null) {
					answers.put(question, answer);
				}
			}
			if (!Boolean.TRUE.equals(form.acceptTerms())) {
				errors.reject("acceptTerms", "terms.required");
			}
			if (errors.any()) {
				return StepOutcome.rejected(EnrollmentStep.CHALLENGE_QUESTIONS, errors.asMap());
			}
			Map<String, String> hashes = new LinkedHashMap<>();
			answers.forEach((question, answer) -> hashes.put(question,
					this.passwordEncoder.encode(ChallengeQuestions.normaliseAnswer(answer))));
			this.store.saveChallengeAnswers(enrollment.id(), hashes, this.clock.instant());
			this.audit.record(AuditEvent.success("ENROLLMENT_CHALLENGE_QUESTIONS", subject(enrollment.customerId()),
					client)
				.with("questions", String.join(",", hashes.keySet()))
				.with("terms", "accepted"));
			return StepOutcome.advanced(EnrollmentStep.SECOND_FACTOR);
		});
	}

	/** The last step: creates the user, or refuses if the customer or the username was taken meanwhile. */
	@Transactional
	public StepOutcome chooseSecondFactor(String token, SecondFactorForm form, ClientContext client, Locale locale) {
		return withEnrollment(token, EnrollmentStep.SECOND_FACTOR, enrollment -> {
			SecondFactor factor;
			if ("TOKEN".equals(form.choice())) {
				factor = SecondFactor.SOFT_TOKEN_PENDING;
			}
			else if ("LATER".equals(form.choice())) {
				factor = SecondFactor.SMS_ONE_TIME_KEY;
			}
			else {
				return StepOutcome.rejected(EnrollmentStep.SECOND_FACTOR, Map.of("choice", "second-factor.invalid"));
			}
			Customer customer = this.customers.findById(enrollment.customerId()).orElseThrow();
			String subject = subject(customer.id());
			if (this.users.existsForCustomer(customer.id())) {
				this.store.end(enrollment.id(), "ENDED", this.clock.instant());
				this.audit.record(AuditEvent.failure("ENROLLMENT_COMPLETED", subject, client, "already-enrolled"));
				return StepOutcome.over("enrollment.customer.already-enrolled");
			}
			if (this.users.usernameTaken(enrollment.username())) {
				this.store.moveTo(enrollment.id(), EnrollmentStep.USERNAME, this.clock.instant());
				this.audit.record(AuditEvent.failure("ENROLLMENT_COMPLETED", subject, client, "username-taken"));
				return StepOutcome.rejected(EnrollmentStep.USERNAME, Map.of("username", "username.rule.taken"));
			}
			User user;
			try {
				user = this.users.register(new NewUser(customer.id(), enrollment.username(), enrollment.passwordHash(),
						enrollment.securityImage(), enrollment.securityPhrase(), enrollment.challengeAnswers(),
						factor));
			}
			catch (DuplicateKeyException ex) {
				// another enrollment of this customer, or the same username, finished in between
				TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
				this.audit.record(AuditEvent.failure("ENROLLMENT_COMPLETED", subject, client, "concurrent-enrollment"));
				return StepOutcome.over("enrollment.customer.already-enrolled");
			}
			this.customers.updateHomeAndWorkPhones(customer.id(), new PhoneNumber(enrollment.homePhone()),
					new PhoneNumber(enrollment.workPhone()));
			this.store.complete(enrollment.id(), factor.name(), user.id(), this.clock.instant());
			this.notifications.sendEnrollmentCompleted(
					new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email()), user.username(),
					locale);
			this.audit.record(AuditEvent.success("ENROLLMENT_COMPLETED", subject, client)
				.with("username", user.username())
				.with("secondFactor", factor.name()));
			return StepOutcome.advanced(EnrollmentStep.COMPLETED);
		});
	}

	/** Clears the password hashes and answers that abandoned enrollments hold. */
	@Scheduled(fixedDelayString = "${clave.enrollment.cleanup-interval:5m}")
	@Transactional
	public void expireStaleEnrollments() {
		this.store.expireStale(this.clock.instant());
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private interface StepAction {

		StepOutcome apply(Enrollment enrollment);

	}

	private StepOutcome withEnrollment(String token, EnrollmentStep expected, StepAction action) {
		Optional<Enrollment> found = lockOpen(token);
		if (found.isEmpty()) {
			return StepOutcome.over(reasonOver(token));
		}
		Enrollment enrollment = found.get();
		if (expected != null && enrollment.step() != expected) {
			return StepOutcome.wrongStep(enrollment.step());
		}
		return action.apply(enrollment);
	}

	private Optional<Enrollment> lockOpen(String token) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		Optional<Enrollment> found = this.store.lock(tokenHash(token));
		if (found.isPresent() && found.get().open() && isExpired(found.get())) {
			this.store.end(found.get().id(), "EXPIRED", this.clock.instant());
			return Optional.empty();
		}
		return found.filter(Enrollment::open);
	}

	/** The message code for an enrollment that can no longer go on; lockOpen has already expired a stale one. */
	private String reasonOver(String token) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return "enrollment.not-found";
		}
		return this.store.find(tokenHash(token)).map(enrollment -> switch (enrollment.state()) {
			case "EXPIRED" -> "enrollment.expired";
			case "ENDED" -> "enrollment.key.flow-ended";
			case "CANCELLED" -> "enrollment.cancelled";
			case "COMPLETED" -> "enrollment.completed";
			default -> "enrollment.not-found";
		}).orElse("enrollment.not-found");
	}

	private boolean isExpired(Enrollment enrollment) {
		return !this.clock.instant().isBefore(enrollment.expiresAt());
	}

	private PersonalFacts facts(Enrollment enrollment) {
		Customer customer = this.customers.findById(enrollment.customerId()).orElseThrow();
		return new PersonalFacts(customer.cedula().value(), customer.firstNames(), customer.lastNames(),
				customer.birthDate());
	}

	private byte[] tokenHash(String token) {
		return this.secrets.hmac(TOKEN_HMAC, token);
	}

	private static String subject(long customerId) {
		return "customer:" + customerId;
	}

	private static Optional<PhoneNumber> phone(FieldErrors errors, String field, String raw) {
		String text = errors.text(field, raw, 25);
		if (text == null) {
			return Optional.empty();
		}
		Optional<PhoneNumber> phone = PhoneNumber.parseLandline(text).or(() -> PhoneNumber.parseMobile(text));
		if (phone.isEmpty()) {
			errors.reject(field, "phone.invalid");
		}
		return phone;
	}

}
