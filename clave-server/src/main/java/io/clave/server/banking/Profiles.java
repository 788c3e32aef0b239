package io.clave.server.banking;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.banking.ProfileForms.ChallengeForm;
import io.clave.server.banking.ProfileForms.PasswordChangeForm;
import io.clave.server.banking.ProfileForms.PhonesForm;
import io.clave.server.banking.ProfileForms.SecurityImageForm;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.ChallengeAnswers;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.Lockout;
import io.clave.server.identity.Lockouts;
import io.clave.server.identity.PasswordRule;
import io.clave.server.identity.Passwords;
import io.clave.server.identity.PersonalFacts;
import io.clave.server.identity.SecurityImages;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.login.SecondFactorChallenge;
import io.clave.server.login.SecondFactorChallenges;
import io.clave.server.login.SecondFactorCheck;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.FieldErrors;
import io.clave.server.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in customer's own changes: the password (the current one, then the new one under the policy and the
 * history, then the second factor), the security image and phrase, the challenge questions, the home and work
 * phones. The registered mobile and e-mail are the bank's to change, at a branch: a stolen session must not be able
 * to redirect the keys and notices. Every change is an audit event under {@code user:<id>}, success or failure.
 */
@Service
public class Profiles {

	/** The second factor asked before a sensitive change of one's own. */
	static final KeyPurpose PURPOSE = KeyPurpose.TRANSACTION;

	private static final int MAX_PHRASE_LENGTH = 40;

	private static final int MAX_PASSWORD_FIELD = 100;

	private final Users users;

	private final Customers customers;

	private final Passwords passwords;

	private final Lockouts lockouts;

	private final SecondFactorChallenges challenges;

	private final SecurityImages images;

	private final ChallengeQuestions questions;

	private final ChallengeAnswers answers;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Secrets secrets;

	private final TransactionTemplate dryRun;

	private final BankingSettings settings;

	private final Clock clock;

	Profiles(Users users, Customers customers, Passwords passwords, Lockouts lockouts,
			SecondFactorChallenges challenges, SecurityImages images, ChallengeQuestions questions,
			ChallengeAnswers answers, Notifications notifications, AuditTrail audit, Secrets secrets,
			PlatformTransactionManager transactions, BankingSettings settings, Clock clock) {
		this.users = users;
		this.customers = customers;
		this.passwords = passwords;
		this.lockouts = lockouts;
		this.challenges = challenges;
		this.images = images;
		this.questions = questions;
		this.answers = answers;
		this.notifications = notifications;
		this.audit = audit;
		this.secrets = secrets;
		this.dryRun = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ProfileView view(UUID userId) {
		User user = this.users.findById(userId).orElseThrow();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		return new ProfileView(user.username(), user.securityImage(), Optional.ofNullable(user.securityPhrase()),
				this.answers.questionsOf(userId), customer.homePhone().map(PhoneNumber::value),
				customer.workPhone().map(PhoneNumber::value), customer.mobilePhone().masked(),
				customer.email().masked(), user.secondFactor());
	}

	// ---- the password -----------------------------------------------------------------------------------------

	/**
	 * First half of a password change: checks the current password (a wrong one counts towards the lockout) and
	 * the new one (policy and the last passwords), then sends a clave temporal. Nothing changes yet.
	 */
	public ProfileOutcome startPasswordChange(UUID userId, PasswordChangeForm form, ClientContext client,
			Locale locale) {
		String subject = subject(userId);
		User user = this.users.findById(userId).orElseThrow();
		Instant now = this.clock.instant();
		if (user.lockedAt(now)) {
			this.audit.record(AuditEvent.failure("PASSWORD_CHANGE", subject, client, "account-locked"));
			return ProfileOutcome.locked();
		}
		FieldErrors errors = new FieldErrors();
		if (form.currentPassword() == null || form.currentPassword().isEmpty()) {
			errors.reject("currentPassword", "field.required");
		}
		else if (form.currentPassword().length() > MAX_PASSWORD_FIELD) {
			errors.reject("currentPassword", "field.too-long");
		}
		if (form.password() == null || form.password().isEmpty()) {
			errors.reject("password", "password.rule.required");
		}
		else if (form.password().length() > MAX_PASSWORD_FIELD) {
			errors.reject("password", "password.rule.length");
		}
		if (errors.any()) {
			return ProfileOutcome.rejected(errors.asMap());
		}
		if (!this.passwords.matches(userId, form.currentPassword())) {
			Lockout lockout = this.lockouts.recordFailure(userId, now);
			this.audit.record(AuditEvent.failure("PASSWORD_CHANGE", subject, client,
					lockout.justLocked() ? "wrong-current-password-now-locked" : "wrong-current-password"));
			if (lockout.locked()) {
				return ProfileOutcome.locked();
			}
			return ProfileOutcome.rejected("profile.password.current-wrong", "currentPassword",
					"profile.password.current-wrong");
		}
		String confirmation = form.confirmation() == null ? "" : form.confirmation();
		Optional<PasswordRule> refused = wouldRefuse(user, form.password(), confirmation);
		if (refused.isPresent()) {
			String code = "password.rule." + refused.get().name().toLowerCase(Locale.ROOT);
			this.audit.record(AuditEvent.failure("PASSWORD_CHANGE", subject, client, code));
			String field = refused.get() == PasswordRule.CONFIRMATION_MISMATCH ? "confirmation" : "password";
			return ProfileOutcome.rejected("form.errors", field, code);
		}
		SecondFactorChallenge challenge = this.challenges.start(userId, PURPOSE, locale);
		byte[] sealed = this.secrets.encrypt(sealPurpose(userId, challenge.id()),
				form.password().getBytes(StandardCharsets.UTF_8));
		PendingPasswordChange pending = new PendingPasswordChange(challenge.id(), sealed,
				now.plus(this.settings.passwordChangeLifetime()));
		this.audit.record(AuditEvent.success("PASSWORD_CHANGE_REQUESTED", subject, client)
			.with("secondFactor", challenge.kind().name()));
		return ProfileOutcome.challengeSent(pending, challenge);
	}

	/** Sends a new clave temporal for the waiting change, within the cool-down and the resend limit. */
	public ProfileOutcome resendPasswordKey(UUID userId, @Nullable PendingPasswordChange pending, Locale locale) {
		if (!isWaiting(pending)) {
			return ProfileOutcome.over();
		}
		SecondFactorChallenge challenge = this.challenges.resend(pending.challengeId(), userId, PURPOSE, locale);
		if (!challenge.sent()) {
			return new ProfileOutcome(ProfileOutcome.Kind.REJECTED,
					challenge.nextKeyAt() == null ? "profile.key.limit-reached" : "profile.key.cool-down", Map.of(),
					pending, challenge);
		}
		return ProfileOutcome.challengeSent(pending, challenge);
	}

	/** Where the waiting change's key stands, without sending anything. */
	public Optional<SecondFactorChallenge> passwordKeyStatus(UUID userId, @Nullable PendingPasswordChange pending) {
		if (!isWaiting(pending)) {
			return Optional.empty();
		}
		return Optional.of(this.challenges.status(pending.challengeId(), userId, PURPOSE));
	}

	/**
	 * Second half: checks the clave temporal (a wrong one counts towards the lockout), then changes the password
	 * and tells the customer by e-mail and SMS.
	 */
	@Transactional
	public ProfileOutcome confirmPasswordChange(UUID userId, @Nullable PendingPasswordChange pending,
			@Nullable String code, ClientContext client, Locale locale) {
		String subject = subject(userId);
		if (!isWaiting(pending)) {
			this.audit.record(AuditEvent.failure("PASSWORD_CHANGE", subject, client, "no-change-waiting"));
			return ProfileOutcome.over();
		}
		String candidate = code == null ? "" : code.strip();
		if (!candidate.matches("[0-9]{4,10}")) {
			return ProfileOutcome.rejected("form.errors", "code", "key.format");
		}
		SecondFactorCheck check = this.challenges.verify(pending.challengeId(), userId, PURPOSE, candidate, client);
		switch (check) {
			case ACCEPTED -> {
				// carried on below
			}
			case WRONG -> {
				this.audit.record(AuditEvent.failure("PASSWORD_CHANGE", subject, client, "wrong-key"));
				return ProfileOutcome.rejected("profile.key.wrong", "code", "profile.key.wrong");
			}
			case NEW_KEY_NEEDED -> {
				this.audit.record(AuditEvent.failure("PASSWORD_CHANGE", subject, client, "new-key-needed"));
				return ProfileOutcome.rejected("profile.key.new-needed");
			}
			case LOCKED -> {
				this.audit.record(AuditEvent.failure("PASSWORD_CHANGE", subject, client, "account-locked"));
				return ProfileOutcome.locked();
			}
			default -> {
				this.audit.record(AuditEvent.failure("PASSWORD_CHANGE", subject, client, "no-challenge"));
				return ProfileOutcome.over();
			}
		}
		User user = this.users.findById(userId).orElseThrow();
		String password = new String(this.secrets.decrypt(sealPurpose(userId, pending.challengeId()),
				pending.sealedPassword()), StandardCharsets.UTF_8);
		Optional<PasswordRule> refused = this.passwords.change(user, password, password, facts(user));
		if (refused.isPresent()) {
			// another session changed the password in between: this one is now one of the last ones
			String reason = "password.rule." + refused.get().name().toLowerCase(Locale.ROOT);
			this.audit.record(AuditEvent.failure("PASSWORD_CHANGE", subject, client, reason));
			return ProfileOutcome.rejected("form.errors", "password", reason);
		}
		this.lockouts.recordSuccess(userId);
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		this.notifications.sendPasswordChanged(
				new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email()), this.clock.instant(),
				client.ipAddress(), locale);
		this.audit.record(AuditEvent.success("PASSWORD_CHANGE", subject, client));
		return ProfileOutcome.saved();
	}

	/**
	 * Whether {@link Passwords#change} would refuse the new password, asked before a key is sent so that the
	 * customer does not type a key only to hear that the password was one of the last five. Identity offers the
	 * check only together with the change, so the change runs in a transaction that is always rolled back.
	 */
	private Optional<PasswordRule> wouldRefuse(User user, String password, String confirmation) {
		PersonalFacts facts = facts(user);
		return this.dryRun.execute(status -> {
			status.setRollbackOnly();
			return this.passwords.change(user, password, confirmation, facts);
		});
	}

	private boolean isWaiting(@Nullable PendingPasswordChange pending) {
		return pending != null && this.clock.instant().isBefore(pending.expiresAt());
	}

	private static String sealPurpose(UUID userId, UUID challengeId) {
		return "banking-new-password:" + userId + ":" + challengeId;
	}

	// ---- the security image, the challenge questions, the phones ----------------------------------------------

	@Transactional
	public ProfileOutcome changeSecurityImage(UUID userId, SecurityImageForm form, ClientContext client) {
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
			this.audit.record(AuditEvent.failure("SECURITY_IMAGE_CHANGE", subject(userId), client,
					String.join(",", errors.asMap().values())));
			return ProfileOutcome.rejected(errors.asMap());
		}
		this.users.changeSecurityImage(userId, form.image(), phrase);
		this.audit.record(AuditEvent.success("SECURITY_IMAGE_CHANGE", subject(userId), client)
			.with("image", form.image()));
		return ProfileOutcome.saved();
	}

	@Transactional
	public ProfileOutcome changeChallengeQuestions(UUID userId, ChallengeForm form, ClientContext client) {
		FieldErrors errors = new FieldErrors();
		String[][] pairs = { { "question1", form.question1(), "answer1", form.answer1() },
				{ "question2", form.question2(), "answer2", form.answer2() },
				{ "question3", form.question3(), "answer3", form.answer3() } };
		Map<String, String> chosen = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (String[] pair : pairs) {
			String question = pair[1];
			boolean questionOk = false;
			if (question == null || this.questions.find(question).isEmpty()) {
				errors.reject(pair[0], "question.invalid");
			}
			else if (!seen.add(question)) {
				errors.reject(pair[0], "question.duplicate");
			}
			else {
				questionOk = true;
			}
			String answer = errors.text(pair[2], pair[3], ChallengeQuestions.MAX_ANSWER_LENGTH);
			if (answer != null && ChallengeQuestions.normaliseAnswer(answer).length() < 2) {
				errors.reject(pair[2], "answer.too-short");
			}
			else if (answer != null && questionOk) {
				chosen.put(question, answer);
			}
		}
		if (errors.any() || chosen.size() != ChallengeQuestions.REQUIRED_ANSWERS) {
			this.audit.record(AuditEvent.failure("CHALLENGE_QUESTIONS_CHANGE", subject(userId), client,
					String.join(",", new java.util.TreeSet<>(errors.asMap().values()))));
			return ProfileOutcome.rejected(errors.asMap());
		}
		this.answers.replace(userId, chosen);
		this.audit.record(AuditEvent.success("CHALLENGE_QUESTIONS_CHANGE", subject(userId), client)
			.with("questions", String.join(",", chosen.keySet())));
		return ProfileOutcome.saved();
	}

	@Transactional
	public ProfileOutcome changePhones(UUID userId, PhonesForm form, ClientContext client) {
		FieldErrors errors = new FieldErrors();
		Optional<PhoneNumber> home = phone(errors, "homePhone", form.homePhone());
		Optional<PhoneNumber> work = phone(errors, "workPhone", form.workPhone());
		if (errors.any() || home.isEmpty() || work.isEmpty()) {
			this.audit.record(AuditEvent.failure("CONTACT_PHONES_CHANGE", subject(userId), client,
					String.join(",", new java.util.TreeSet<>(errors.asMap().values()))));
			return ProfileOutcome.rejected(errors.asMap());
		}
		User user = this.users.findById(userId).orElseThrow();
		this.customers.updateHomeAndWorkPhones(user.customerId(), home.get(), work.get());
		this.audit.record(AuditEvent.success("CONTACT_PHONES_CHANGE", subject(userId), client)
			.with("homePhone", home.get().masked())
			.with("workPhone", work.get().masked()));
		return ProfileOutcome.saved();
	}

	/** The session that saw the account locked is ended by the caller; the trail says why. */
	public void sessionEndedByLock(UUID userId, ClientContext client) {
		this.audit.record(AuditEvent.failure("SESSION_END", subject(userId), client, "account-locked"));
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	/** A landline or a mobile, as enrollment's contact-data step accepts them. */
	private static Optional<PhoneNumber> phone(FieldErrors errors, String field, @Nullable String raw) {
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

	private PersonalFacts facts(User user) {
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		return new PersonalFacts(customer.cedula().value(), customer.firstNames(), customer.lastNames(),
				customer.birthDate());
	}

	private static String subject(UUID userId) {
		return "user:" + userId;
	}

}
