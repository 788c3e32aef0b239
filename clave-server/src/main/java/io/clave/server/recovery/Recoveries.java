package io.clave.server.recovery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
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
import io.clave.server.corebanking.CardholderChecks.CreditCardData;
import io.clave.server.corebanking.CardholderChecks.DebitCardData;
import io.clave.server.corebanking.CreditCardForm;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.corebanking.DebitCardForm;
import io.clave.server.identity.ChallengeAnswers;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.Lockouts;
import io.clave.server.identity.PasswordRule;
import io.clave.server.identity.Passwords;
import io.clave.server.identity.PersonalFacts;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.notification.Channels;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyCheck;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.onetimekey.KeyStatus;
import io.clave.server.onetimekey.OneTimeKeys;
import io.clave.server.recovery.RecoveryForms.AnswerForm;
import io.clave.server.recovery.RecoveryForms.OneTimeKeyForm;
import io.clave.server.recovery.RecoveryForms.PasswordForm;
import io.clave.server.ratelimit.RateDecision;
import io.clave.server.ratelimit.RateLimit;
import io.clave.server.ratelimit.RateLimits;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.FieldErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service recovery, step by step: the card, the clave temporal, one challenge question, then the username is
 * shown and a new password set. Each method takes the token that the browser session or the app holds, locks the
 * recovery row, checks that the submitted step is the current one, validates everything on the server, and either
 * moves to the next step or answers with message codes. Every step is an audit event ({@code RECOVERY_*} on
 * success, {@code RECOVERY_*_ERROR} on failure), never with a secret in it.
 * <p>
 * The card step answers the same to everyone who did not give the correct card data of a customer with an online
 * banking user: whether the cédula or card exists, whether the customer has a user, which field was wrong, or
 * whether the card is blocked is never told (it is in the audit trail). Only then is the mobile shown, masked.
 * <p>
 * The card step is rate-limited per address and, for the debit path, per cédula, before the card is even looked
 * up; the other limits are per card, per key and per recovery.
 */
@Service
public class Recoveries {

	private static final String TOKEN_HMAC = "recovery-token";

	private final RecoveryStore store;

	private final CardAttemptCounter cardAttempts;

	private final Customers customers;

	private final CardholderChecks cardholders;

	private final Users users;

	private final ChallengeAnswers answers;

	private final Passwords passwords;

	private final Lockouts lockouts;

	private final OneTimeKeys keys;

	private final Notifications notifications;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AuditTrail audit;

	private final Secrets secrets;

	private final SecureRandom random;

	private final RecoverySettings settings;

	private final Clock clock;

	private final BankSettings bank;

	private final RateLimits rateLimits;

	Recoveries(RecoveryStore store, @Qualifier("recoveryCardAttempts") CardAttemptCounter cardAttempts,
			Customers customers, CardholderChecks cardholders, Users users, ChallengeAnswers answers,
			Passwords passwords, Lockouts lockouts, OneTimeKeys keys, Notifications notifications,
			FindByIndexNameSessionRepository<? extends Session> sessions, AuditTrail audit, Secrets secrets,
			SecureRandom random, RecoverySettings settings, Clock clock, BankSettings bank, RateLimits rateLimits) {
		this.rateLimits = rateLimits;
		this.store = store;
		this.cardAttempts = cardAttempts;
		this.customers = customers;
		this.cardholders = cardholders;
		this.users = users;
		this.answers = answers;
		this.passwords = passwords;
		this.lockouts = lockouts;
		this.keys = keys;
		this.notifications = notifications;
		this.sessions = sessions;
		this.audit = audit;
		this.secrets = secrets;
		this.random = random;
		this.settings = settings;
		this.clock = clock;
		this.bank = bank;
	}

	// ---- the card ---------------------------------------------------------------------------------------------

	@Transactional
	public RecoveryStart startWithDebitCard(DebitCardForm form, ClientContext client) {
		FieldErrors errors = new FieldErrors();
		DebitCardData data = this.cardholders.readDebit(form, errors);
		if (data == null) {
			return RecoveryStart.invalidFields(errors.asMap());
		}
		return rateLimited(client, data.cedula()).orElseGet(() -> proceed(this.cardholders.match(data), client));
	}

	@Transactional
	public RecoveryStart startWithCreditCard(CreditCardForm form, ClientContext client) {
		FieldErrors errors = new FieldErrors();
		CreditCardData data = this.cardholders.readCredit(form, errors);
		if (data == null) {
			return RecoveryStart.invalidFields(errors.asMap());
		}
		return rateLimited(client, null).orElseGet(() -> proceed(this.cardholders.match(data), client));
	}

	private RecoveryStart proceed(CardholderCheck check, ClientContext client) {
		return switch (check.outcome()) {
			case INVALID_FIELDS -> RecoveryStart.invalidFields(check.fieldErrors());
			case UNKNOWN_CARD -> refuse("anonymous", "unknown-card", null, client);
			case WRONG_DATA -> wrongCardData(check.knownCard(), client);
			case MATCHED -> start(check.knownCard(), check.holder(), client);
		};
	}

	/** Recoveries started from one address, and for one cédula: shared by every instance (ratelimit). */
	private Optional<RecoveryStart> rateLimited(ClientContext client, @Nullable String cedula) {
		RateDecision fromHere = this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_IP, client.ipAddress());
		RateDecision forCedula = cedula == null || !fromHere.allowed() ? fromHere
				: this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_CEDULA, cedula);
		if (forCedula.allowed()) {
			return Optional.empty();
		}
		this.audit.record(AuditEvent.failure("RECOVERY_CARD_CHECK", "anonymous", client,
				fromHere.allowed() ? "rate-limited-cedula" : "rate-limited-ip"));
		return Optional.of(RecoveryStart.rateLimited(forCedula.retryAfter()));
	}

	/** Correct card data. Still the generic refusal unless the card may be used and the customer has a user. */
	private RecoveryStart start(Card card, Customer customer, ClientContext client) {
		Instant now = this.clock.instant();
		String subject = customerSubject(customer.id());
		if (this.cardAttempts.blockedUntil(card.id(), now).isPresent()) {
			return refuse(subject, "card-blocked-for-recovery", card, client);
		}
		if (!card.isUsableOn(LocalDate.ofInstant(now, this.bank.timeZone()))) {
			return refuse(subject, "card-" + card.state().name().toLowerCase(Locale.ROOT)
					+ (card.expiry().atEndOfMonth().isBefore(LocalDate.ofInstant(now, this.bank.timeZone()))
							? "-expired" : ""),
					card, client);
		}
		Optional<User> user = this.users.findByCustomer(customer.id());
		if (user.isEmpty()) {
			return refuse(subject, "no-user", card, client);
		}
		List<String> questions = this.answers.questionsOf(user.get().id());
		if (questions.isEmpty()) {
			return refuse(subject, "no-challenge-questions", card, client);
		}
		this.cardAttempts.reset(card.id());
		String question = questions.get(this.random.nextInt(questions.size()));
		byte[] tokenBytes = new byte[32];
		this.random.nextBytes(tokenBytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
		UUID id = UUID.randomUUID();
		this.store.create(id, tokenHash(token), customer.id(), user.get().id(), card.id(), question, now,
				now.plus(this.settings.lifetime()));
		this.audit.record(AuditEvent.success("RECOVERY_CARD_CHECK", subject, client)
			.with("card", "****" + card.lastFour())
			.with("kind", card.kind().name())
			.with("user", user.get().id().toString())
			.with("locked", Boolean.toString(user.get().lockedAt(now)))
			.with("recovery", id.toString()));
		return RecoveryStart.started(token);
	}

	private RecoveryStart wrongCardData(Card card, ClientContext client) {
		Instant now = this.clock.instant();
		String subject = customerSubject(card.customerId());
		if (this.cardAttempts.blockedUntil(card.id(), now).isPresent()) {
			return refuse(subject, "wrong-card-data-while-blocked", card, client);
		}
		boolean blocked = this.cardAttempts.recordFailure(card.id(), now);
		return refuse(subject, blocked ? "wrong-card-data-now-blocked" : "wrong-card-data", card, client);
	}

	/** The one answer to every card check that does not start a recovery; the reason goes to the audit trail. */
	private RecoveryStart refuse(String subject, String reason, @Nullable Card card, ClientContext client) {
		AuditEvent event = AuditEvent.failure("RECOVERY_CARD_CHECK_ERROR", subject, client, reason);
		this.audit.record(card == null ? event : event.with("card", "****" + card.lastFour()));
		return RecoveryStart.refused();
	}

	// ---- the view of the current step -------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Optional<RecoveryView> view(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		Optional<Recovery> found = this.store.find(tokenHash(token));
		if (found.isEmpty() || !(found.get().open() || found.get().completed()) || isExpired(found.get())) {
			return Optional.empty();
		}
		Recovery recovery = found.get();
		Customer customer = this.customers.findById(recovery.customerId()).orElseThrow();
		KeyStatus keyStatus = this.keys.status(recovery.id(), KeyPurpose.RECOVERY);
		Optional<String> username = recovery.step().revealsUsername()
				? this.users.findById(recovery.userId()).map(User::username) : Optional.empty();
		Optional<String> question = recovery.step() == RecoveryStep.CHALLENGE_QUESTION
				? Optional.of(recovery.questionId()) : Optional.empty();
		return Optional.of(new RecoveryView(recovery.step(), customer.mobilePhone().masked(), question, username,
				keyStatus.activeKeyExpiresAt(), keyStatus.nextIssueAt(), recovery.expiresAt(),
				Math.max(0, this.settings.maxWrongAnswers() - recovery.wrongAnswers())));
	}

	/** Why there is no view: the code the page or API shows. */
	@Transactional
	public String whyOver(String token) {
		lockOpen(token);
		return reasonOver(token);
	}

	@Transactional
	public RecoveryOutcome cancel(String token, ClientContext client) {
		return withRecovery(token, null, recovery -> {
			this.store.end(recovery.id(), "CANCELLED", this.clock.instant());
			this.audit.record(AuditEvent.success("RECOVERY_CANCELLED", userSubject(recovery), client));
			return RecoveryOutcome.over("recovery.cancelled");
		});
	}

	// ---- the clave temporal -----------------------------------------------------------------------------------

	/** "Enviar clave" on the contact page, and "Generar una nueva clave" on the key page. */
	@Transactional
	public RecoveryOutcome sendKey(String token, ClientContext client, Locale locale) {
		return withRecovery(token, null, recovery -> {
			if (recovery.step() != RecoveryStep.CONTACT_CHECK && recovery.step() != RecoveryStep.ONE_TIME_KEY) {
				return RecoveryOutcome.wrongStep(recovery.step());
			}
			Customer customer = this.customers.findById(recovery.customerId()).orElseThrow();
			Recipient recipient = new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email());
			KeyIssue issue = this.keys.issue(recovery.id(), KeyPurpose.RECOVERY, recipient, Channels.SMS, locale);
			String subject = userSubject(recovery);
			switch (issue.outcome()) {
				case ISSUED -> {
					this.store.moveTo(recovery.id(), RecoveryStep.ONE_TIME_KEY, this.clock.instant());
					this.audit.record(AuditEvent.success("RECOVERY_KEY_SENT", subject, client)
						.with("channel", "SMS")
						.with("to", customer.mobilePhone().masked()));
					return RecoveryOutcome.advanced(RecoveryStep.ONE_TIME_KEY);
				}
				case COOL_DOWN -> {
					this.audit.record(AuditEvent.failure("RECOVERY_KEY_SENT_ERROR", subject, client, "cool-down"));
					return RecoveryOutcome.rejected(recovery.step(), "recovery.key.cool-down");
				}
				case LIMIT_REACHED -> {
					this.audit.record(AuditEvent.failure("RECOVERY_KEY_SENT_ERROR", subject, client, "resend-limit"));
					return RecoveryOutcome.rejected(recovery.step(), "recovery.key.limit-reached");
				}
				default -> {
					this.store.end(recovery.id(), "ENDED", this.clock.instant());
					this.audit.record(AuditEvent.failure("RECOVERY_KEY_SENT_ERROR", subject, client, "flow-ended"));
					return RecoveryOutcome.over("recovery.key.flow-ended");
				}
			}
		});
	}

	@Transactional
	public RecoveryOutcome verifyKey(String token, OneTimeKeyForm form, ClientContext client) {
		return withRecovery(token, RecoveryStep.ONE_TIME_KEY, recovery -> {
			String candidate = form.key() == null ? "" : form.key().strip();
			if (!candidate.matches("[0-9]{4,10}")) {
				return RecoveryOutcome.rejected(RecoveryStep.ONE_TIME_KEY, "form.errors", Map.of("key", "key.format"));
			}
			KeyCheck check = this.keys.verify(recovery.id(), KeyPurpose.RECOVERY, candidate);
			String subject = userSubject(recovery);
			if (check == KeyCheck.ACCEPTED) {
				this.store.moveTo(recovery.id(), RecoveryStep.CHALLENGE_QUESTION, this.clock.instant());
				this.audit.record(AuditEvent.success("RECOVERY_KEY", subject, client));
				return RecoveryOutcome.advanced(RecoveryStep.CHALLENGE_QUESTION);
			}
			this.audit.record(AuditEvent.failure("RECOVERY_KEY_ERROR", subject, client,
					check.name().toLowerCase(Locale.ROOT).replace('_', '-')));
			if (check == KeyCheck.FLOW_ENDED) {
				this.store.end(recovery.id(), "ENDED", this.clock.instant());
				return RecoveryOutcome.over("recovery.key.flow-ended");
			}
			return RecoveryOutcome.rejected(RecoveryStep.ONE_TIME_KEY,
					"recovery.key." + check.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		});
	}

	// ---- the challenge question -------------------------------------------------------------------------------

	@Transactional
	public RecoveryOutcome answerQuestion(String token, AnswerForm form, ClientContext client) {
		return withRecovery(token, RecoveryStep.CHALLENGE_QUESTION, recovery -> {
			FieldErrors errors = new FieldErrors();
			String answer = errors.text("answer", form.answer(), ChallengeQuestions.MAX_ANSWER_LENGTH);
			if (answer == null) {
				return RecoveryOutcome.rejected(RecoveryStep.CHALLENGE_QUESTION, "form.errors", errors.asMap());
			}
			String subject = userSubject(recovery);
			if (this.answers.matches(recovery.userId(), recovery.questionId(), answer)) {
				this.store.moveTo(recovery.id(), RecoveryStep.NEW_PASSWORD, this.clock.instant());
				this.audit.record(AuditEvent.success("RECOVERY_QUESTION", subject, client)
					.with("question", recovery.questionId()));
				return RecoveryOutcome.advanced(RecoveryStep.NEW_PASSWORD);
			}
			int wrong = this.store.countWrongAnswer(recovery.id(), this.clock.instant());
			boolean ended = wrong >= this.settings.maxWrongAnswers();
			this.audit.record(AuditEvent.failure("RECOVERY_QUESTION_ERROR", subject, client,
					ended ? "wrong-answer-flow-ended" : "wrong-answer")
				.with("question", recovery.questionId())
				.with("wrongAnswers", Integer.toString(wrong)));
			if (ended) {
				this.store.end(recovery.id(), "ENDED", this.clock.instant());
				return RecoveryOutcome.over("recovery.question.flow-ended");
			}
			return RecoveryOutcome.rejected(RecoveryStep.CHALLENGE_QUESTION, "recovery.question.wrong",
					Map.of("answer", "recovery.question.wrong"));
		});
	}

	// ---- the new password: the end -----------------------------------------------------------------------------

	/**
	 * Sets the new password under the policy and the history, lifts any lock, ends every web session of the user
	 * (whoever held them must log in again, with the new password) and tells the customer by e-mail and SMS.
	 */
	@Transactional
	public RecoveryOutcome setPassword(String token, PasswordForm form, ClientContext client, Locale locale) {
		return withRecovery(token, RecoveryStep.NEW_PASSWORD, recovery -> {
			Optional<User> found = this.users.findById(recovery.userId());
			if (found.isEmpty()) {
				this.store.end(recovery.id(), "ENDED", this.clock.instant());
				return RecoveryOutcome.over("recovery.not-found");
			}
			User user = found.get();
			Customer customer = this.customers.findById(recovery.customerId()).orElseThrow();
			String subject = userSubject(recovery);
			Optional<PasswordRule> refused = this.passwords.change(user, form.password(), form.confirmation(),
					new PersonalFacts(customer.cedula().value(), customer.firstNames(), customer.lastNames(),
							customer.birthDate()));
			if (refused.isPresent()) {
				String code = "password.rule." + refused.get().name().toLowerCase(Locale.ROOT);
				this.audit.record(AuditEvent.failure("RECOVERY_COMPLETED_ERROR", subject, client, code));
				String field = refused.get() == PasswordRule.CONFIRMATION_MISMATCH ? "confirmation" : "password";
				return RecoveryOutcome.rejected(RecoveryStep.NEW_PASSWORD, "form.errors", Map.of(field, code));
			}
			Instant now = this.clock.instant();
			boolean wasLocked = user.lockedAt(now);
			this.lockouts.unlock(user.id());
			int sessionsEnded = endSessionsOf(user.id());
			this.store.complete(recovery.id(), now, now.plus(this.settings.successPageLifetime()));
			this.notifications.sendRecoveryCompleted(
					new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email()), now, locale);
			this.audit.record(AuditEvent.success("RECOVERY_COMPLETED", subject, client)
				.with("customer", Long.toString(customer.id()))
				.with("unlocked", Boolean.toString(wasLocked))
				.with("sessionsEnded", Integer.toString(sessionsEnded)));
			return RecoveryOutcome.advanced(RecoveryStep.COMPLETED);
		});
	}

	private int endSessionsOf(UUID userId) {
		Set<String> ids = Set.copyOf(this.sessions.findByPrincipalName(userId.toString()).keySet());
		ids.forEach(this.sessions::deleteById);
		return ids.size();
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private interface StepAction {

		RecoveryOutcome apply(Recovery recovery);

	}

	private RecoveryOutcome withRecovery(String token, @Nullable RecoveryStep expected, StepAction action) {
		Optional<Recovery> found = lockOpen(token);
		if (found.isEmpty()) {
			return RecoveryOutcome.over(reasonOver(token));
		}
		Recovery recovery = found.get();
		if (expected != null && recovery.step() != expected) {
			return RecoveryOutcome.wrongStep(recovery.step());
		}
		return action.apply(recovery);
	}

	private Optional<Recovery> lockOpen(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		Optional<Recovery> found = this.store.lock(tokenHash(token));
		if (found.isPresent() && found.get().open() && isExpired(found.get())) {
			this.store.end(found.get().id(), "EXPIRED", this.clock.instant());
			return Optional.empty();
		}
		return found.filter(Recovery::open);
	}

	/** The message code for a recovery that can no longer go on; lockOpen has already expired a stale one. */
	private String reasonOver(String token) {
		if (!wellFormed(token)) {
			return "recovery.not-found";
		}
		return this.store.find(tokenHash(token)).map(recovery -> switch (recovery.state()) {
			case "EXPIRED" -> "recovery.expired";
			case "ENDED" -> "recovery.ended";
			case "CANCELLED" -> "recovery.cancelled";
			case "COMPLETED" -> "recovery.completed";
			default -> "recovery.not-found";
		}).orElse("recovery.not-found");
	}

	private boolean isExpired(Recovery recovery) {
		return !this.clock.instant().isBefore(recovery.expiresAt());
	}

	private byte[] tokenHash(String token) {
		return this.secrets.hmac(TOKEN_HMAC, token);
	}

	private static boolean wellFormed(@Nullable String token) {
		return token != null && !token.isEmpty() && token.length() <= 100;
	}

	private static String customerSubject(long customerId) {
		return "customer:" + customerId;
	}

	private static String userSubject(Recovery recovery) {
		return "user:" + recovery.userId();
	}

}
