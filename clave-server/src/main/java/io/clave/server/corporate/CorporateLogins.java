package io.clave.server.corporate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.identity.Lockout;
import io.clave.server.identity.Lockouts;
import io.clave.server.identity.Passwords;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyCheck;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.onetimekey.KeyStatus;
import io.clave.server.onetimekey.OneTimeKeys;
import io.clave.server.ratelimit.RateDecision;
import io.clave.server.ratelimit.RateLimit;
import io.clave.server.ratelimit.RateLimits;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.ClientContext;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The corporate portal's login, step by step: username and password, then a clave temporal sent to the registered
 * mobile and e-mail every time, then either the session (a user with definitive credentials) or, at the first login
 * with temporary credentials, the forced creation of the definitive username and password, after which the user
 * logs in again with them. Pages and API both call this service with the flow's token.
 *
 * <p>
 * Nothing here tells whether a username exists: an unknown username, a wrong password, a locked user and a company
 * no longer active all get the same refusal at the same cost (an unknown username's password is checked against a
 * decoy hash and counted like a real failure). Only after a right password is an expired temporary password named,
 * so that its owner knows to ask for new credentials.
 */
@Service
public class CorporateLogins {

	private static final String TOKEN_PURPOSE = "corporate-login-token";

	private static final String FAILED = "corporate.login.failed";

	private static final String OVER = "corporate.login.over";

	private static final int MAX_USERNAME_LENGTH = 64;

	private static final int MAX_PASSWORD_LENGTH = 256;

	/** No user has this id: looking it up costs what looking up a real one costs. */
	private static final UUID NOBODY = new UUID(0, 0);

	private final CorporateLoginStore store;

	private final CompanyUsers users;

	private final Companies companies;

	private final PasswordEncoder encoder;

	private final Passwords passwords;

	private final Lockouts unknownUsernames;

	private final CorporateLockouts lockouts;

	private final CredentialPolicy policy;

	private final OneTimeKeys keys;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Secrets secrets;

	private final SecureRandom random;

	private final RateLimits rateLimits;

	private final CorporateLoginSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CorporateLogins(CorporateLoginStore store, CompanyUsers users, Companies companies, PasswordEncoder encoder,
			Passwords passwords, Lockouts unknownUsernames, CorporateLockouts lockouts, CredentialPolicy policy,
			OneTimeKeys keys, Notifications notifications, AuditTrail audit, Secrets secrets, SecureRandom random,
			RateLimits rateLimits, CorporateLoginSettings settings, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.users = users;
		this.companies = companies;
		this.encoder = encoder;
		this.passwords = passwords;
		this.unknownUsernames = unknownUsernames;
		this.lockouts = lockouts;
		this.policy = policy;
		this.keys = keys;
		this.notifications = notifications;
		this.audit = audit;
		this.secrets = secrets;
		this.random = random;
		this.rateLimits = rateLimits;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	// ---- username and password ----------------------------------------------------------------------------------

	/**
	 * Checks the username and password; when right, starts the login and sends the clave temporal by SMS and e-mail.
	 * @return NEXT_STEP with the flow's token, or why not
	 */
	public CorporateLoginOutcome start(@Nullable String username, @Nullable String password, ClientContext client,
			Locale locale) {
		String typed = username == null ? "" : username.strip();
		String candidate = password == null ? "" : password;
		if (typed.isEmpty()) {
			return CorporateLoginOutcome.refused("corporate.login.username.required");
		}
		if (candidate.isEmpty()) {
			return CorporateLoginOutcome.refused("corporate.login.password.required");
		}
		RateDecision fromHere = this.rateLimits.tryConsume(RateLimit.LOGIN_PER_IP, "corporate:" + client.ipAddress());
		if (!fromHere.allowed()) {
			this.audit.record(AuditEvent.failure("CORPORATE_LOGIN", "anonymous", client, "rate-limited-ip"));
			return CorporateLoginOutcome.rateLimited(fromHere.retryAfter());
		}
		if (typed.length() > MAX_USERNAME_LENGTH || candidate.length() > MAX_PASSWORD_LENGTH
				|| typed.codePoints().anyMatch(Character::isISOControl)) {
			this.passwords.matchesNobody("");
			return CorporateLoginOutcome.refused(FAILED);
		}
		String key = CompanyUsers.key(typed);
		// per username, known or not, so that the limit itself tells nothing about who exists
		RateDecision forUsername = this.rateLimits.tryConsume(RateLimit.LOGIN_PER_USERNAME, "corporate:" + key);
		if (!forUsername.allowed()) {
			this.audit.record(AuditEvent.failure("CORPORATE_LOGIN", "anonymous", client, "rate-limited-username"));
			return CorporateLoginOutcome.rateLimited(forUsername.retryAfter());
		}
		Instant now = this.clock.instant();
		Optional<CompanyUser> found = this.users.findByUsername(typed);
		if (found.isEmpty()) {
			// the same reads, hash and writes as a wrong password of a real user: time tells nothing
			this.users.findById(NOBODY);
			this.passwords.matchesNobody(candidate);
			this.unknownUsernames.recordFailureOfUnknownUsername(this.secrets.hmac("corporate-unknown-username", key),
					now);
			this.audit.record(AuditEvent.failure("CORPORATE_LOGIN", "anonymous", client, "unknown-username"));
			return CorporateLoginOutcome.refused(FAILED);
		}
		CompanyUser user = found.get();
		String subject = subject(user.id());
		if (user.lockedAt(now)) {
			// a lock stops guessing: the password is not checked, but the answer costs the same
			this.passwords.matchesNobody(candidate);
			this.lockouts.recordFailure(user.id(), now);
			this.audit.record(AuditEvent.failure("CORPORATE_LOGIN", subject, client,
					user.lockedUntil() == null ? "account-locked" : "account-temporarily-locked"));
			return CorporateLoginOutcome.refused(FAILED);
		}
		if (!this.encoder.matches(candidate, this.users.passwordHash(user.id()))) {
			Lockout lockout = this.lockouts.recordFailure(user.id(), now);
			String reason = lockout.justLocked() ? "wrong-password-now-locked" : "wrong-password";
			this.audit.record(AuditEvent.failure("CORPORATE_LOGIN", subject, client, reason)
				.with("failures", Integer.toString(lockout.failedAttempts())));
			this.lockouts.noticeIfJustLocked(user, lockout, locale);
			return CorporateLoginOutcome.refused(FAILED);
		}
		Optional<Company> company = this.companies.findById(user.companyId());
		if (company.isEmpty() || !company.get().active() || profiles(user, company.get()).isEmpty()) {
			this.audit.record(AuditEvent.failure("CORPORATE_LOGIN", subject, client, "company-not-active"));
			return CorporateLoginOutcome.refused(FAILED);
		}
		if (user.temporary() && (user.credentialsExpireAt() == null || !user.credentialsExpireAt().isAfter(now))) {
			this.audit.record(AuditEvent.failure("CORPORATE_LOGIN", subject, client, "temporary-credentials-expired"));
			return CorporateLoginOutcome.refused("corporate.login.credentials-expired");
		}
		byte[] tokenBytes = new byte[32];
		this.random.nextBytes(tokenBytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
		UUID flowId = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> {
			this.store.create(flowId, tokenHash(token), user.id(), now, now.plus(this.settings.flowLifetime()));
			this.keys.issue(keyFlow(flowId), KeyPurpose.LOGIN, recipient(user), this.settings.keyChannels(), locale);
		});
		this.audit.record(AuditEvent.success("CORPORATE_LOGIN_PASSWORD", subject, client)
			.with("credentials", user.temporary() ? "temporary" : "definitive"));
		return CorporateLoginOutcome.next(token);
	}

	/** The current step of an open login, for a page shown again; empty when the login is over. */
	public Optional<CorporateLoginView> view(String token) {
		Optional<CorporateLoginFlow> flow = open(token);
		if (flow.isEmpty()) {
			return Optional.empty();
		}
		Optional<CompanyUser> user = this.users.findById(flow.get().userId()).filter(u -> !u.deleted());
		if (user.isEmpty()) {
			return Optional.empty();
		}
		KeyStatus status = this.keys.status(keyFlow(flow.get().id()), KeyPurpose.LOGIN);
		return Optional.of(new CorporateLoginView(flow.get().step(), user.get().mobile().masked(),
				user.get().email().masked(), status.activeKeyExpiresAt().orElse(null),
				status.nextIssueAt().orElse(null)));
	}

	// ---- the clave temporal -------------------------------------------------------------------------------------

	/** Sends a new clave temporal, within the cool-down and resend limits of one-time keys. */
	public CorporateLoginOutcome resendKey(String token, Locale locale) {
		Optional<CorporateLoginFlow> found = open(token).filter(flow -> flow.step() == CorporateLoginStep.KEY);
		Optional<CompanyUser> user = found.flatMap(flow -> this.users.findById(flow.userId()));
		if (found.isEmpty() || user.isEmpty()) {
			return CorporateLoginOutcome.over(OVER);
		}
		KeyIssue issue = this.keys.issue(keyFlow(found.get().id()), KeyPurpose.LOGIN, recipient(user.get()),
				this.settings.keyChannels(), locale);
		return switch (issue.outcome()) {
			case ISSUED -> CorporateLoginOutcome.next(null);
			case COOL_DOWN -> CorporateLoginOutcome.refused("corporate.login.key.not-yet",
					issue.nextIssueAt() == null ? null : Duration.between(this.clock.instant(), issue.nextIssueAt()));
			case LIMIT_REACHED -> CorporateLoginOutcome.refused("corporate.login.key.limit-reached");
			case FLOW_ENDED -> {
				this.store.end(found.get().id(), this.clock.instant());
				yield CorporateLoginOutcome.over("corporate.login.key.flow-ended");
			}
		};
	}

	/**
	 * Checks the clave temporal. Wrong keys count towards the user's lock. Right: a user with definitive credentials
	 * is signed in (the login notice goes by e-mail and SMS); a user with temporary ones goes on to create the
	 * definitive ones.
	 */
	public CorporateLoginOutcome submitKey(String token, @Nullable String code, ClientContext client, Locale locale) {
		Optional<CorporateLoginFlow> found = open(token).filter(flow -> flow.step() == CorporateLoginStep.KEY);
		if (found.isEmpty()) {
			return CorporateLoginOutcome.over(OVER);
		}
		CorporateLoginFlow flow = found.get();
		String typed = code == null ? "" : code.strip();
		if (!typed.matches("\\d{4,10}")) {
			return CorporateLoginOutcome.refused("corporate.login.key.format");
		}
		Instant now = this.clock.instant();
		Optional<CompanyUser> candidate = this.users.findById(flow.userId()).filter(u -> !u.deleted());
		if (candidate.isEmpty()) {
			this.store.end(flow.id(), now);
			return CorporateLoginOutcome.over(OVER);
		}
		CompanyUser user = candidate.get();
		String subject = subject(user.id());
		if (user.lockedAt(now)) {
			this.store.end(flow.id(), now);
			this.audit.record(AuditEvent.failure("CORPORATE_SECOND_FACTOR", subject, client, "account-locked"));
			return CorporateLoginOutcome.over("corporate.login.locked");
		}
		KeyCheck check = this.keys.verify(keyFlow(flow.id()), KeyPurpose.LOGIN, typed);
		switch (check) {
			case ACCEPTED -> {
				this.audit.record(AuditEvent.success("CORPORATE_SECOND_FACTOR", subject, client));
				if (user.temporary()) {
					this.store.toCredentials(flow.id(), now);
					return CorporateLoginOutcome.next(null);
				}
				return complete(flow, user, client, locale);
			}
			case WRONG, EXHAUSTED -> {
				Lockout lockout = this.lockouts.recordFailure(user.id(), now);
				this.audit.record(AuditEvent.failure("CORPORATE_SECOND_FACTOR", subject, client,
						lockout.justLocked() ? "wrong-code-now-locked" : "wrong-code"));
				this.lockouts.noticeIfJustLocked(user, lockout, locale);
				if (lockout.locked()) {
					this.store.end(flow.id(), now);
					return CorporateLoginOutcome.over("corporate.login.locked");
				}
				return CorporateLoginOutcome.refused(check == KeyCheck.EXHAUSTED ? "corporate.login.key.exhausted"
						: "corporate.login.key.wrong");
			}
			case EXPIRED -> {
				this.audit.record(AuditEvent.failure("CORPORATE_SECOND_FACTOR", subject, client, "expired"));
				return CorporateLoginOutcome.refused("corporate.login.key.expired");
			}
			case FLOW_ENDED -> {
				this.store.end(flow.id(), now);
				this.audit.record(AuditEvent.failure("CORPORATE_SECOND_FACTOR", subject, client, "flow-ended"));
				return CorporateLoginOutcome.over("corporate.login.key.flow-ended");
			}
			default -> {
				return CorporateLoginOutcome.refused("corporate.login.key.no-key");
			}
		}
	}

	private CorporateLoginOutcome complete(CorporateLoginFlow flow, CompanyUser user, ClientContext client,
			Locale locale) {
		Instant now = this.clock.instant();
		Company company = this.companies.findById(user.companyId()).orElseThrow();
		List<Profile> profiles = profiles(user, company);
		boolean finished = Boolean.TRUE.equals(this.transactions.execute(status -> {
			Optional<CorporateLoginFlow> locked = this.store.lock(flow.id());
			if (locked.isEmpty() || !"OPEN".equals(locked.get().state())) {
				return false;
			}
			this.store.complete(flow.id(), now);
			this.users.recordSuccess(user.id());
			this.notifications.sendCorporateLoginNotice(recipient(user), company.legalName(), now, client.ipAddress(),
					locale);
			return true;
		}));
		if (!finished || profiles.isEmpty()) {
			return CorporateLoginOutcome.over(OVER);
		}
		Profile profile = profiles.size() == 1 ? profiles.get(0) : null;
		this.audit.record(AuditEvent.success("CORPORATE_LOGIN", subject(user.id()), client)
			.with("company", Long.toString(company.id()))
			.with("role", user.role().name())
			.with("profile", profile == null ? "to-choose" : profile.name()));
		return CorporateLoginOutcome.signedIn(new SignedInCompanyUser(user.id(), user.companyId(), user.role(),
				profile, now));
	}

	// ---- the definitive credentials ----------------------------------------------------------------------------

	/**
	 * The first login's last step: the definitive username and password replace the temporary credentials, under
	 * {@link CredentialPolicy}; the user is told by e-mail and SMS, and logs in again with them.
	 */
	public CorporateLoginOutcome submitCredentials(String token, @Nullable String username, @Nullable String password,
			@Nullable String confirmation, ClientContext client, Locale locale) {
		Optional<CorporateLoginFlow> found = open(token).filter(flow -> flow.step() == CorporateLoginStep.CREDENTIALS);
		if (found.isEmpty()) {
			return CorporateLoginOutcome.over(OVER);
		}
		CorporateLoginFlow flow = found.get();
		Instant now = this.clock.instant();
		Optional<CompanyUser> candidate = this.users.findById(flow.userId()).filter(CompanyUser::temporary);
		if (candidate.isEmpty()) {
			this.store.end(flow.id(), now);
			return CorporateLoginOutcome.over(OVER);
		}
		CompanyUser user = candidate.get();
		String subject = subject(user.id());
		if (user.credentialsExpireAt() == null || !user.credentialsExpireAt().isAfter(now)) {
			this.store.end(flow.id(), now);
			this.audit.record(AuditEvent.failure("CORPORATE_CREDENTIALS", subject, client,
					"temporary-credentials-expired"));
			return CorporateLoginOutcome.over("corporate.login.credentials-expired");
		}
		String newUsername = username == null ? "" : username.strip();
		String newPassword = password == null ? "" : password;
		List<CredentialRule> broken = new ArrayList<>();
		this.policy.checkUsername(newUsername, user.firstNames(), user.lastNames()).ifPresentOrElse(broken::add, () -> {
			if (this.users.usernameTaken(newUsername)) {
				broken.add(CredentialRule.USERNAME_TAKEN);
			}
		});
		this.policy
			.checkPassword(newPassword, confirmation == null ? "" : confirmation, newUsername, user.firstNames(),
					user.lastNames())
			.ifPresentOrElse(broken::add, () -> {
				if (this.encoder.matches(newPassword, this.users.passwordHash(user.id()))) {
					broken.add(CredentialRule.PASSWORD_RECENTLY_USED);
				}
			});
		if (!broken.isEmpty()) {
			this.audit.record(AuditEvent.failure("CORPORATE_CREDENTIALS", subject, client,
					broken.stream().map(Enum::name).reduce((a, b) -> a + "," + b).orElse("")));
			return CorporateLoginOutcome.broken(broken);
		}
		String hash = this.encoder.encode(newPassword);
		boolean done;
		try {
			done = Boolean.TRUE.equals(this.transactions.execute(status -> {
				Optional<CorporateLoginFlow> locked = this.store.lock(flow.id());
				Optional<CompanyUser> current = this.users.lockForUpdate(user.id());
				if (locked.isEmpty() || !"OPEN".equals(locked.get().state())
						|| locked.get().step() != CorporateLoginStep.CREDENTIALS || current.isEmpty()
						|| !current.get().temporary()) {
					return false;
				}
				this.users.setDefinitiveCredentials(user.id(), newUsername, hash, now);
				this.store.complete(flow.id(), now);
				this.notifications.sendCorporateCredentialsCreated(recipient(user), now, client.ipAddress(), locale);
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			// another user took the username between the check and the write
			return CorporateLoginOutcome.broken(List.of(CredentialRule.USERNAME_TAKEN));
		}
		if (!done) {
			return CorporateLoginOutcome.over(OVER);
		}
		this.audit.record(AuditEvent.success("CORPORATE_CREDENTIALS_CREATED", subject, client));
		return CorporateLoginOutcome.credentialsCreated();
	}

	/** Ends a login in progress (the visitor cancelled it). */
	public void cancel(String token) {
		open(token).ifPresent(flow -> this.store.end(flow.id(), this.clock.instant()));
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	/** The profiles a user may use: those of the user's set that the company also has. */
	static List<Profile> profiles(CompanyUser user, Company company) {
		return user.profiles().profiles().stream().filter(company.profiles()::allows).toList();
	}

	/** Logins left half-way hold nothing secret, but are of no use once expired: the audit trail keeps the story. */
	@Scheduled(fixedDelayString = "${clave.login.cleanup-interval:5m}")
	public void deleteExpiredLogins() {
		this.store.deleteExpiredBefore(this.clock.instant().minus(Duration.ofHours(1)));
	}

	public Duration absoluteSessionTimeout() {
		return this.settings.absoluteSessionTimeout();
	}

	public CredentialPolicy credentialPolicy() {
		return this.policy;
	}

	private Optional<CorporateLoginFlow> open(String token) {
		return this.store.find(tokenHash(token)).filter(flow -> flow.openAt(this.clock.instant()));
	}

	private static Recipient recipient(CompanyUser user) {
		return new Recipient(user.firstNames(), user.mobile(), user.email());
	}

	private UUID keyFlow(UUID flowId) {
		return this.secrets.uuid("corporate-login-key", flowId.toString());
	}

	private byte[] tokenHash(String token) {
		return this.secrets.hmac(TOKEN_PURPOSE, token);
	}

	static String subject(UUID userId) {
		return "company-user:" + userId;
	}

}
