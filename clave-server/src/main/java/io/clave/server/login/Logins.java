package io.clave.server.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.Lockout;
import io.clave.server.identity.Lockouts;
import io.clave.server.identity.LoginHistory;
import io.clave.server.identity.Passwords;
import io.clave.server.identity.SecondFactor;
import io.clave.server.identity.SecurityImage;
import io.clave.server.identity.SecurityImages;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.ratelimit.RateDecision;
import io.clave.server.ratelimit.RateLimit;
import io.clave.server.ratelimit.RateLimits;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.ClientContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The personal login, step by step: the username (answered with the security image and phrase), the password, the
 * second factor. Pages and API both call this service with the flow's token.
 *
 * <p>
 * Nothing here tells whether a username exists: an unknown one gets a decoy image and phrase, its password is
 * "checked" at the cost of a real check, and every refusal of a password carries the same message whether the
 * username, the password or a lock was the reason. A locked account's password is not checked at all, so that a lock
 * also stops guessing.
 */
@Service
public class Logins {

	private static final String TOKEN_PURPOSE = "login-token";

	private static final int MAX_USERNAME_LENGTH = 64;

	/** No user has this id: looking it up costs what looking up a real one costs. */
	private static final UUID NOBODY = new UUID(0, 0);

	private final LoginStore store;

	private final Users users;

	private final Passwords passwords;

	private final Lockouts lockouts;

	private final LoginHistory history;

	private final SecurityImages images;

	private final DecoyImages decoys;

	private final SecondFactorChallenges challenges;

	private final TrustedDevices trustedDevices;

	private final Customers customers;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Secrets secrets;

	private final SecureRandom random;

	private final LoginSettings settings;

	private final TransactionTemplate transactions;

	private final LockNotices lockNotices;

	private final RateLimits rateLimits;

	private final Clock clock;

	private final MeterRegistry meters;

	Logins(LoginStore store, Users users, Passwords passwords, Lockouts lockouts, LoginHistory history,
			SecurityImages images, DecoyImages decoys, SecondFactorChallenges challenges, TrustedDevices trustedDevices,
			Customers customers, Notifications notifications, AuditTrail audit, Secrets secrets, SecureRandom random,
			LoginSettings settings, TransactionTemplate transactions, LockNotices lockNotices, RateLimits rateLimits,
			Clock clock, MeterRegistry meters) {
		this.store = store;
		this.users = users;
		this.passwords = passwords;
		this.lockouts = lockouts;
		this.history = history;
		this.images = images;
		this.decoys = decoys;
		this.challenges = challenges;
		this.trustedDevices = trustedDevices;
		this.customers = customers;
		this.notifications = notifications;
		this.audit = audit;
		this.secrets = secrets;
		this.random = random;
		this.settings = settings;
		this.transactions = transactions;
		this.lockNotices = lockNotices;
		this.rateLimits = rateLimits;
		this.clock = clock;
		this.meters = meters;
	}

	// ---- the username ------------------------------------------------------------------------------------------

	public LoginStarted start(@Nullable String username, ClientContext client) {
		String typed = username == null ? "" : username.strip();
		if (typed.isEmpty()) {
			return new LoginStarted(null, "login.username.required", null);
		}
		if (typed.length() > MAX_USERNAME_LENGTH || typed.codePoints().anyMatch(Character::isISOControl)) {
			return new LoginStarted(null, "login.username.invalid", null);
		}
		String key = Users.key(typed);
		RateDecision fromHere = this.rateLimits.tryConsume(RateLimit.LOGIN_PER_IP, client.ipAddress());
		if (!fromHere.allowed()) {
			this.audit.record(AuditEvent.failure("LOGIN", "anonymous", client, "rate-limited-ip"));
			counted("rate_limited");
			return new LoginStarted(null, "login.rate-limited", fromHere.retryAfter());
		}
		UUID userId = this.users.findByUsername(typed).map(User::id).orElse(null);
		byte[] tokenBytes = new byte[32];
		this.random.nextBytes(tokenBytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
		Instant now = this.clock.instant();
		this.store.create(UUID.randomUUID(), tokenHash(token), key, userId, now, now.plus(this.settings.flowLifetime()));
		return new LoginStarted(token, null, null);
	}

	public Optional<LoginView> view(String token) {
		Optional<LoginFlow> found = this.store.find(tokenHash(token)).filter(flow -> flow.openAt(this.clock.instant()));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		LoginFlow flow = found.get();
		Optional<User> user = flow.userId() == null ? Optional.empty() : this.users.findById(flow.userId());
		SecurityImage image;
		String phrase;
		if (user.isPresent()) {
			image = this.images.find(user.get().securityImage()).orElse(this.images.all().get(0));
			phrase = user.get().securityPhrase() == null ? "" : user.get().securityPhrase();
		}
		else {
			DecoyImages.Decoy decoy = this.decoys.forUsername(flow.usernameKey());
			image = decoy.image();
			phrase = decoy.phrase();
		}
		if (flow.step() == LoginStep.SECOND_FACTOR && user.isPresent() && flow.challengeId() != null) {
			SecondFactorChallenge challenge = this.challenges.status(flow.challengeId(), user.get().id(),
					KeyPurpose.LOGIN);
			String mobile = this.customers.findById(user.get().customerId())
				.map(customer -> customer.mobilePhone().masked())
				.orElse("");
			return Optional.of(new LoginView(flow.step(), image, phrase, challenge, mobile));
		}
		return Optional.of(new LoginView(flow.step(), image, phrase, null, null));
	}

	// ---- the password -------------------------------------------------------------------------------------------

	public LoginOutcome submitPassword(String token, @Nullable String password, @Nullable String deviceCookie,
			ClientContext client, Locale locale) {
		Instant now = this.clock.instant();
		Optional<LoginFlow> found = this.store.find(tokenHash(token)).filter(flow -> flow.openAt(now));
		if (found.isEmpty()) {
			return LoginOutcome.over("login.over");
		}
		LoginFlow flow = found.get();
		if (flow.step() != LoginStep.PASSWORD) {
			return LoginOutcome.next();
		}
		String candidate = password == null ? "" : password;
		if (candidate.isEmpty()) {
			return LoginOutcome.refused("login.password.required");
		}
		// per username, known or not, so that the limit itself tells nothing about who exists
		RateDecision forUsername = this.rateLimits.tryConsume(RateLimit.LOGIN_PER_USERNAME, flow.usernameKey());
		if (!forUsername.allowed()) {
			this.audit.record(AuditEvent.failure("LOGIN",
					flow.userId() == null ? "anonymous" : subject(flow.userId()), client, "rate-limited-username"));
			counted("rate_limited");
			return LoginOutcome.rateLimited(forUsername.retryAfter());
		}
		Optional<User> candidateUser = flow.userId() == null ? Optional.empty() : this.users.findById(flow.userId());
		if (candidateUser.isEmpty()) {
			// the same reads, hash and writes as a wrong password of a real user: time tells nothing
			this.users.findById(NOBODY);
			this.passwords.matches(NOBODY, candidate);
			this.lockouts.recordFailureOfUnknownUsername(this.secrets.hmac("unknown-username", flow.usernameKey()), now);
			this.audit.record(AuditEvent.failure("LOGIN", "anonymous", client, "unknown-username"));
			counted("unknown_username");
			return LoginOutcome.refused("login.failed");
		}
		User user = candidateUser.get();
		String subject = subject(user.id());
		if (user.lockedAt(now)) {
			// a lock stops guessing: the password is not checked, but the answer costs the same
			this.passwords.matches(NOBODY, candidate);
			this.lockouts.recordFailure(user.id(), now);
			this.audit.record(AuditEvent.failure("LOGIN", subject, client,
					user.lockedPermanently() ? "account-locked" : "account-temporarily-locked"));
			counted("locked");
			return LoginOutcome.refused("login.failed");
		}
		if (!this.passwords.matches(user.id(), candidate)) {
			Lockout lockout = this.lockouts.recordFailure(user.id(), now);
			String reason = !lockout.counted() ? "account-temporarily-locked"
					: lockout.justLocked() ? (lockout.permanent() ? "wrong-password-now-locked"
							: "wrong-password-now-temporarily-locked") : "wrong-password";
			this.audit.record(AuditEvent.failure("LOGIN", subject, client, reason)
				.with("failures", Integer.toString(lockout.failedAttempts())));
			this.lockNotices.sendIfJustLocked(user.id(), lockout);
			counted(lockout.counted() ? "wrong_password" : "locked");
			return LoginOutcome.refused("login.failed");
		}
		this.audit.record(AuditEvent.success("LOGIN_PASSWORD", subject, client));
		if (this.settings.secondFactor() == LoginSettings.SecondFactorPolicy.NEW_DEVICE
				&& this.trustedDevices.trusts(deviceCookie, user.id())) {
			return complete(flow, user, client, locale, false);
		}
		SecondFactorChallenge challenge = this.challenges.start(user.id(), KeyPurpose.LOGIN, locale);
		this.store.toSecondFactor(flow.id(), challenge.id(), now);
		return LoginOutcome.next();
	}

	// ---- the second factor --------------------------------------------------------------------------------------

	public LoginOutcome resendKey(String token, Locale locale) {
		Optional<LoginFlow> found = openAtSecondFactor(token);
		if (found.isEmpty()) {
			return LoginOutcome.over("login.over");
		}
		SecondFactorChallenge challenge = this.challenges.resend(found.get().challengeId(), found.get().userId(),
				KeyPurpose.LOGIN, locale);
		return challenge.sent() ? LoginOutcome.next() : LoginOutcome.refused("login.key.not-yet");
	}

	/** The customer's token is locked or not at hand: a clave temporal by SMS for this login instead. */
	public LoginOutcome useOneTimeKeyInstead(String token, Locale locale) {
		Optional<LoginFlow> found = openAtSecondFactor(token);
		if (found.isEmpty()) {
			return LoginOutcome.over("login.over");
		}
		SecondFactorChallenge sms = this.challenges.startByOneTimeKey(found.get().userId(), KeyPurpose.LOGIN, locale);
		this.store.toSecondFactor(found.get().id(), sms.id(), this.clock.instant());
		return LoginOutcome.next();
	}

	public LoginOutcome submitSecondFactor(String token, @Nullable String code, ClientContext client, Locale locale) {
		Optional<LoginFlow> found = openAtSecondFactor(token);
		if (found.isEmpty()) {
			return LoginOutcome.over("login.over");
		}
		LoginFlow flow = found.get();
		String typed = code == null ? "" : code.strip();
		if (!typed.matches("\\d{4,10}")) {
			return LoginOutcome.refused("login.key.format");
		}
		SecondFactorCheck check = this.challenges.verify(flow.challengeId(), flow.userId(), KeyPurpose.LOGIN, typed,
				client);
		return switch (check) {
			case ACCEPTED -> complete(flow, this.users.findById(flow.userId()).orElseThrow(), client, locale, true);
			case WRONG -> {
				counted("wrong_second_factor");
				yield LoginOutcome.refused("login.key.wrong");
			}
			case NEW_KEY_NEEDED -> {
				counted("wrong_second_factor");
				yield LoginOutcome.refused("login.key.new-needed");
			}
			case LOCKED -> {
				counted("locked");
				this.store.end(flow.id(), this.clock.instant());
				yield LoginOutcome.over("login.locked");
			}
			case TOKEN_LOCKED -> {
				// the token is locked on the server: a clave temporal by SMS instead, so the customer can get in and
				// unlock or replace it
				SecondFactorChallenge sms = this.challenges.startByOneTimeKey(flow.userId(), KeyPurpose.LOGIN, locale);
				this.store.toSecondFactor(flow.id(), sms.id(), this.clock.instant());
				yield LoginOutcome.refused("login.token.locked");
			}
			case NO_CHALLENGE -> {
				this.store.end(flow.id(), this.clock.instant());
				yield LoginOutcome.over("login.over");
			}
		};
	}

	private Optional<LoginFlow> openAtSecondFactor(String token) {
		return this.store.find(tokenHash(token))
			.filter(flow -> flow.openAt(this.clock.instant()) && flow.step() == LoginStep.SECOND_FACTOR
					&& flow.userId() != null && flow.challengeId() != null);
	}

	// ---- signed in ----------------------------------------------------------------------------------------------

	private LoginOutcome complete(LoginFlow flow, User user, ClientContext client, Locale locale,
			boolean secondFactorPassed) {
		Instant now = this.clock.instant();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		boolean finished = Boolean.TRUE.equals(this.transactions.execute(status -> {
			Optional<LoginFlow> locked = this.store.lock(flow.id());
			if (locked.isEmpty() || !"OPEN".equals(locked.get().state())) {
				return false;
			}
			this.store.complete(flow.id(), now);
			this.lockouts.recordSuccess(user.id());
			this.history.record(user.id(), now, client);
			Recipient to = new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email());
			boolean byEmail = this.settings.noticeChannels().contains(LoginSettings.NoticeChannel.EMAIL);
			boolean bySms = this.settings.noticeChannels().contains(LoginSettings.NoticeChannel.SMS);
			if (byEmail || bySms) {
				this.notifications.sendLoginNotice(to, byEmail, bySms, now, client.ipAddress(),
						Browsers.describe(client.userAgent()), locale);
			}
			return true;
		}));
		if (!finished) {
			return LoginOutcome.over("login.over");
		}
		this.audit.record(AuditEvent.success("LOGIN", subject(user.id()), client)
			.with("second-factor", secondFactorPassed ? user.secondFactor().name() : "trusted-device"));
		counted("success");
		SignedInCustomer signedIn = new SignedInCustomer(user.id(), user.customerId(), user.username(), now);
		String cookie = secondFactorPassed
				&& this.settings.secondFactor() == LoginSettings.SecondFactorPolicy.NEW_DEVICE
						? this.trustedDevices.issue(user.id()) : null;
		return new LoginOutcome(LoginOutcome.Kind.SIGNED_IN, null, signedIn,
				user.secondFactor() == SecondFactor.SOFT_TOKEN_PENDING, cookie, null);
	}

	/**
	 * {@code clave.logins}, per outcome: {@code success}, {@code wrong_password}, {@code unknown_username},
	 * {@code wrong_second_factor}, {@code locked} (tried on a locked access, or locked by the second factor),
	 * {@code rate_limited}. The audit trail has the who; this only the how many.
	 */
	private void counted(String outcome) {
		this.meters.counter("clave.logins", "outcome", outcome).increment();
	}

	/** Logins left half-way hold nothing secret, but are of no use once expired: the audit trail keeps the story. */
	@Scheduled(fixedDelayString = "${clave.login.cleanup-interval:5m}")
	public void deleteExpiredLogins() {
		this.store.deleteOlderThan(this.clock.instant().minus(Duration.ofHours(1)));
		this.lockouts.forgetUnknownUsernameFailuresBefore(this.clock.instant().minus(Duration.ofDays(1)));
	}

	public Duration absoluteSessionTimeout() {
		return this.settings.absoluteSessionTimeout();
	}

	public Duration trustedDeviceLifetime() {
		return this.settings.trustedDeviceLifetime();
	}

	private byte[] tokenHash(String token) {
		return this.secrets.hmac(TOKEN_PURPOSE, token);
	}

	private static String subject(UUID userId) {
		return "user:" + userId;
	}

}
