package io.clave.server.corporate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corporate.CorporateRecoveryForms.KeyForm;
import io.clave.server.corporate.CorporateRecoveryForms.PasswordForm;
import io.clave.server.corporate.CorporateRecoveryForms.StartForm;
import io.clave.server.identity.IdentitySettings;
import io.clave.server.notification.Channels;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyCheck;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.onetimekey.KeyStatus;
import io.clave.server.onetimekey.OneTimeKeySettings;
import io.clave.server.onetimekey.OneTimeKeys;
import io.clave.server.ratelimit.RateDecision;
import io.clave.server.ratelimit.RateLimit;
import io.clave.server.ratelimit.RateLimits;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.Cedula;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.FieldErrors;
import io.clave.server.shared.Ruc;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "¿Olvidó su usuario y/o clave?" of the corporate portal, as the seed has it: the company's RUC and the user's
 * identity number (cédula or passport of the administrator or an additional user), a clave temporal valid 5 minutes
 * to the registered e-mail and mobile, then the username is shown and a new password set, then "su clave se cambió
 * exitosamente". Each method takes the token the browser session or the app holds, locks the recovery row, checks
 * that the submitted step is the current one and either moves on or answers with message codes. Every step is an
 * audit event ({@code CORPORATE_RECOVERY_*}), never with a key or a password in it.
 * <p>
 * The first step answers the same whether or not the RUC and number name a user: both start a recovery (the same
 * lookup, the same insert, the same page), but only a match gets a key; a decoy recovery counts make-believe keys
 * as {@link OneTimeKeys} counts real ones (resends, cool-down, wrong entries, the end of the flow), so it behaves
 * identically until its key step refuses every key the way a wrong key is refused. It is rate-limited per address
 * and per RUC before anything is looked up.
 */
@Service
public class CorporateRecoveries {

	private static final String TOKEN_HMAC = "corporate-recovery-token";

	private static final String ANONYMOUS = "anonymous";

	private final CorporateRecoveryStore store;

	private final CompanyUsers users;

	private final TemporaryCredentials temporaryCredentials;

	private final CredentialPolicy policy;

	private final PasswordEncoder encoder;

	private final OneTimeKeys keys;

	private final OneTimeKeySettings keySettings;

	private final Notifications notifications;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AuditTrail audit;

	private final Secrets secrets;

	private final SecureRandom random;

	private final RateLimits rateLimits;

	private final CorporateRecoverySettings settings;

	private final IdentitySettings identity;

	private final Clock clock;

	CorporateRecoveries(CorporateRecoveryStore store, CompanyUsers users, TemporaryCredentials temporaryCredentials,
			CredentialPolicy policy, PasswordEncoder encoder, OneTimeKeys keys, OneTimeKeySettings keySettings,
			Notifications notifications, FindByIndexNameSessionRepository<? extends Session> sessions,
			AuditTrail audit, Secrets secrets, SecureRandom random, RateLimits rateLimits,
			CorporateRecoverySettings settings, IdentitySettings identity, Clock clock) {
		this.store = store;
		this.users = users;
		this.temporaryCredentials = temporaryCredentials;
		this.policy = policy;
		this.encoder = encoder;
		this.keys = keys;
		this.keySettings = keySettings;
		this.notifications = notifications;
		this.sessions = sessions;
		this.audit = audit;
		this.secrets = secrets;
		this.random = random;
		this.rateLimits = rateLimits;
		this.settings = settings;
		this.identity = identity;
		this.clock = clock;
	}

	// ---- the RUC and the identity number ----------------------------------------------------------------------

	@Transactional
	public CorporateRecoveryStart start(StartForm form, ClientContext client, Locale locale) {
		FieldErrors errors = new FieldErrors();
		String rucText = errors.digits("ruc", form.ruc(), 13, 13, "corporate.recovery.ruc.invalid");
		Optional<Ruc> ruc = rucText == null ? Optional.empty() : Ruc.parse(rucText);
		if (rucText != null && ruc.isEmpty()) {
			errors.reject("ruc", "corporate.recovery.ruc.invalid");
		}
		String document = documentNumber(errors, form.documentNumber());
		if (errors.any() || ruc.isEmpty() || document == null) {
			return CorporateRecoveryStart.invalidFields(errors.asMap());
		}
		Optional<CorporateRecoveryStart> limited = rateLimited(client, ruc.get());
		if (limited.isPresent()) {
			return limited.get();
		}
		Optional<CompanyUser> user = this.users.findByRucAndDocument(ruc.get().value(), document);
		Instant now = this.clock.instant();
		String token = newToken();
		UUID id = UUID.randomUUID();
		this.store.create(id, tokenHash(token), user.map(CompanyUser::id).orElse(null), now,
				now.plus(this.settings.lifetime()));
		if (user.isEmpty()) {
			this.audit.record(AuditEvent.failure("CORPORATE_RECOVERY_START", ANONYMOUS, client, "no-match")
				.with("ruc", ruc.get().value())
				.with("document", masked(document))
				.with("recovery", id.toString()));
			return CorporateRecoveryStart.started(token);
		}
		CompanyUser found = user.get();
		KeyIssue issue = this.keys.issue(id, KeyPurpose.RECOVERY, recipient(found), Channels.SMS_AND_EMAIL, locale);
		this.audit.record(AuditEvent.success("CORPORATE_RECOVERY_START", subject(found.id()), client)
			.with("company", Long.toString(found.companyId()))
			.with("state", found.state())
			.with("locked", Boolean.toString(found.lockedAt(now)))
			.with("keySent", issue.outcome().name())
			.with("recovery", id.toString()));
		return CorporateRecoveryStart.started(token);
	}

	/**
	 * A cédula (ten digits, its check digit right) or a passport number (5 to 20 letters and digits). Ten digits
	 * are read as a cédula, so a mistyped cédula is told as such rather than taken for a passport.
	 */
	private static @Nullable String documentNumber(FieldErrors errors, @Nullable String raw) {
		String text = errors.text("documentNumber", raw, 30);
		if (text == null) {
			return null;
		}
		String number = text.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
		if (number.matches("[0-9]{10}")) {
			if (!Cedula.isValid(number)) {
				errors.reject("documentNumber", "corporate.recovery.cedula.invalid");
				return null;
			}
			return number;
		}
		if (!number.matches("[A-Z0-9]{5,20}")) {
			errors.reject("documentNumber", "corporate.recovery.document.invalid");
			return null;
		}
		return number;
	}

	/** Recoveries started from one address, and for one RUC: shared by every instance, apart from personal ones. */
	private Optional<CorporateRecoveryStart> rateLimited(ClientContext client, Ruc ruc) {
		RateDecision fromHere = this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_IP, "corporate:" + client.ipAddress());
		RateDecision forRuc = !fromHere.allowed() ? fromHere
				: this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_CEDULA, "corporate:" + ruc.value());
		if (forRuc.allowed()) {
			return Optional.empty();
		}
		this.audit.record(AuditEvent.failure("CORPORATE_RECOVERY_START", ANONYMOUS, client,
				fromHere.allowed() ? "rate-limited-ruc" : "rate-limited-ip").with("ruc", ruc.value()));
		return Optional.of(CorporateRecoveryStart.rateLimited(forRuc.retryAfter()));
	}

	// ---- the view of the current step -------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Optional<CorporateRecoveryView> view(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		Optional<CorporateRecovery> found = this.store.find(tokenHash(token));
		if (found.isEmpty() || !(found.get().open() || found.get().completed()) || isExpired(found.get())) {
			return Optional.empty();
		}
		CorporateRecovery recovery = found.get();
		KeyStatus status = recovery.decoy() ? decoyStatus(recovery)
				: this.keys.status(recovery.id(), KeyPurpose.RECOVERY);
		Optional<String> username = recovery.step() == CorporateRecoveryStep.NEW_PASSWORD
				|| recovery.step() == CorporateRecoveryStep.COMPLETED
						? Optional.ofNullable(recovery.userId()).flatMap(this.users::findById).map(CompanyUser::username)
						: Optional.empty();
		return Optional.of(new CorporateRecoveryView(recovery.step(), username, status.activeKeyExpiresAt(),
				status.nextIssueAt(), recovery.expiresAt()));
	}

	/** Why there is no view: the message code the page or API shows. */
	@Transactional
	public String whyOver(String token) {
		lockOpen(token);
		return reasonOver(token);
	}

	@Transactional
	public CorporateRecoveryOutcome cancel(String token, ClientContext client) {
		return withRecovery(token, null, recovery -> {
			this.store.end(recovery.id(), "CANCELLED", this.clock.instant());
			this.audit.record(AuditEvent.success("CORPORATE_RECOVERY_CANCELLED", subject(recovery), client)
				.with("recovery", recovery.id().toString()));
			return CorporateRecoveryOutcome.over(CorporateRecoveryOutcome.CANCELLED);
		});
	}

	// ---- the clave temporal -----------------------------------------------------------------------------------

	/** "Generar una nueva clave": after the cool-down, a limited number of times. */
	@Transactional
	public CorporateRecoveryOutcome resendKey(String token, ClientContext client, Locale locale) {
		return withRecovery(token, CorporateRecoveryStep.ONE_TIME_KEY, recovery -> {
			KeyIssue.Outcome outcome;
			if (recovery.decoy()) {
				outcome = decoyIssue(recovery);
			}
			else {
				Optional<CompanyUser> user = this.users.findById(recovery.userId()).filter(found -> !found.deleted());
				if (user.isEmpty()) {
					return endGone(recovery, client);
				}
				outcome = this.keys.issue(recovery.id(), KeyPurpose.RECOVERY, recipient(user.get()),
						Channels.SMS_AND_EMAIL, locale).outcome();
			}
			String subject = subject(recovery);
			switch (outcome) {
				case ISSUED -> {
					this.audit.record(AuditEvent.success("CORPORATE_RECOVERY_KEY_SENT", subject, client)
						.with("recovery", recovery.id().toString()));
					return CorporateRecoveryOutcome.advanced(CorporateRecoveryStep.ONE_TIME_KEY);
				}
				case COOL_DOWN -> {
					this.audit.record(
							AuditEvent.failure("CORPORATE_RECOVERY_KEY_SENT", subject, client, "cool-down"));
					return CorporateRecoveryOutcome.rejected(recovery.step(), CorporateRecoveryOutcome.COOL_DOWN);
				}
				case LIMIT_REACHED -> {
					this.audit.record(
							AuditEvent.failure("CORPORATE_RECOVERY_KEY_SENT", subject, client, "resend-limit"));
					return CorporateRecoveryOutcome.rejected(recovery.step(), CorporateRecoveryOutcome.LIMIT_REACHED);
				}
				default -> {
					this.store.end(recovery.id(), "ENDED", this.clock.instant());
					this.audit.record(
							AuditEvent.failure("CORPORATE_RECOVERY_KEY_SENT", subject, client, "flow-ended"));
					return CorporateRecoveryOutcome.over("corporate.recovery.key.flow-ended");
				}
			}
		});
	}

	/**
	 * Checks the clave temporal. Accepted, the username is shown and a new password asked for; a user who has not
	 * yet created the definitive credentials gets new temporary ones instead (see {@link #reissueTemporary}).
	 */
	@Transactional
	public CorporateRecoveryOutcome verifyKey(String token, KeyForm form, ClientContext client, Locale locale) {
		return withRecovery(token, CorporateRecoveryStep.ONE_TIME_KEY, recovery -> {
			String candidate = form.key() == null ? "" : form.key().strip();
			if (!candidate.matches("[0-9]{4,10}")) {
				return CorporateRecoveryOutcome.rejected(CorporateRecoveryStep.ONE_TIME_KEY, "form.errors",
						Map.of("key", "corporate.recovery.key.format"));
			}
			KeyCheck check = recovery.decoy() ? decoyCheck(recovery, candidate)
					: this.keys.verify(recovery.id(), KeyPurpose.RECOVERY, candidate);
			String subject = subject(recovery);
			if (check == KeyCheck.ACCEPTED) {
				Optional<CompanyUser> user = this.users.lock(recovery.userId()).filter(found -> !found.deleted());
				if (user.isEmpty()) {
					return endGone(recovery, client);
				}
				this.audit.record(AuditEvent.success("CORPORATE_RECOVERY_KEY", subject, client)
					.with("recovery", recovery.id().toString()));
				if (user.get().temporary()) {
					return reissueTemporary(recovery, user.get(), client, locale);
				}
				this.store.moveTo(recovery.id(), CorporateRecoveryStep.NEW_PASSWORD, this.clock.instant());
				return CorporateRecoveryOutcome.advanced(CorporateRecoveryStep.NEW_PASSWORD);
			}
			String reason = check.name().toLowerCase(Locale.ROOT).replace('_', '-');
			AuditEvent failure = AuditEvent.failure("CORPORATE_RECOVERY_KEY", subject, client, reason)
				.with("recovery", recovery.id().toString());
			this.audit.record(recovery.decoy() ? failure.with("match", "none") : failure);
			if (check == KeyCheck.FLOW_ENDED) {
				this.store.end(recovery.id(), "ENDED", this.clock.instant());
				return CorporateRecoveryOutcome.over("corporate.recovery.key.flow-ended");
			}
			return CorporateRecoveryOutcome.rejected(CorporateRecoveryStep.ONE_TIME_KEY,
					"corporate.recovery.key." + reason, Map.of("key", "corporate.recovery.key." + reason));
		});
	}

	/**
	 * A user still on temporary credentials has no definitive username to show nor password to change: creating
	 * them happens at the first login, after the temporary credentials, and recovery must not skip it. The user
	 * has just proved to hold the registered mobile and e-mail, the very channels temporary credentials go to, so
	 * recovery issues new ones the way the bank's operator does (username by e-mail, password by SMS, any lock
	 * lifted) rather than send the user to the call center; the first login then asks for the definitive ones.
	 */
	private CorporateRecoveryOutcome reissueTemporary(CorporateRecovery recovery, CompanyUser user,
			ClientContext client, Locale locale) {
		Instant now = this.clock.instant();
		Instant expires = this.temporaryCredentials.reissue(user, locale);
		int sessionsEnded = endSessionsOf(user.id());
		this.store.complete(recovery.id(), CorporateRecoveryStep.TEMPORARY_REISSUED, now,
				now.plus(this.settings.successPageLifetime()));
		this.audit.record(AuditEvent.success("CORPORATE_RECOVERY_DONE", subject(user.id()), client)
			.with("recovery", recovery.id().toString())
			.with("result", "temporary-credentials-reissued")
			.with("credentialsExpireAt", expires.toString())
			.with("sessionsEnded", Integer.toString(sessionsEnded)));
		return CorporateRecoveryOutcome.advanced(CorporateRecoveryStep.TEMPORARY_REISSUED);
	}

	// ---- the new password: the end -----------------------------------------------------------------------------

	/**
	 * Sets the new password under the corporate credential rules and not one of the last passwords
	 * ({@code clave.identity.password-history}), lifts any lock, ends every session of the user and tells them by
	 * e-mail and SMS.
	 */
	@Transactional
	public CorporateRecoveryOutcome setPassword(String token, PasswordForm form, ClientContext client,
			Locale locale) {
		return withRecovery(token, CorporateRecoveryStep.NEW_PASSWORD, recovery -> {
			Optional<CompanyUser> found = recovery.userId() == null ? Optional.empty()
					: this.users.lock(recovery.userId()).filter(user -> !user.deleted() && !user.temporary());
			if (found.isEmpty()) {
				return endGone(recovery, client);
			}
			CompanyUser user = found.get();
			String subject = subject(user.id());
			String password = form.password() == null ? "" : form.password();
			Optional<CredentialRule> refused = this.policy.checkPassword(password,
					form.confirmation() == null ? "" : form.confirmation(), user.username(), user.firstNames(),
					user.lastNames());
			if (refused.isEmpty() && recentlyUsed(user.id(), password)) {
				refused = Optional.of(CredentialRule.PASSWORD_RECENTLY_USED);
			}
			if (refused.isPresent()) {
				this.audit.record(AuditEvent.failure("CORPORATE_RECOVERY_DONE", subject, client,
						refused.get().messageKey()).with("recovery", recovery.id().toString()));
				return CorporateRecoveryOutcome.rejected(CorporateRecoveryStep.NEW_PASSWORD, "form.errors",
						Map.of(refused.get().field(), refused.get().messageKey()));
			}
			Instant now = this.clock.instant();
			boolean wasLocked = user.lockedAt(now);
			this.users.changePassword(user.id(), this.encoder.encode(password), now);
			this.users.recordSuccess(user.id());
			int sessionsEnded = endSessionsOf(user.id());
			this.store.complete(recovery.id(), CorporateRecoveryStep.COMPLETED, now,
					now.plus(this.settings.successPageLifetime()));
			this.notifications.sendCorporatePasswordChanged(recipient(user), now, locale);
			this.audit.record(AuditEvent.success("CORPORATE_RECOVERY_DONE", subject, client)
				.with("recovery", recovery.id().toString())
				.with("result", "password-changed")
				.with("unlocked", Boolean.toString(wasLocked))
				.with("sessionsEnded", Integer.toString(sessionsEnded)));
			return CorporateRecoveryOutcome.advanced(CorporateRecoveryStep.COMPLETED);
		});
	}

	private boolean recentlyUsed(UUID userId, String password) {
		return this.users.recentPasswordHashes(userId, Math.max(1, this.identity.passwordHistory()))
			.stream()
			.anyMatch(hash -> this.encoder.matches(password, hash));
	}

	/** The user's web and API sessions of the portal, found by the principal name the login gives them. */
	private int endSessionsOf(UUID userId) {
		Set<String> ids = Set.copyOf(this.sessions.findByPrincipalName(subject(userId)).keySet());
		ids.forEach(this.sessions::deleteById);
		return ids.size();
	}

	// ---- the decoy's make-believe keys, counted as OneTimeKeys counts real ones --------------------------------

	private KeyStatus decoyStatus(CorporateRecovery recovery) {
		Instant now = this.clock.instant();
		Optional<Instant> expiry = Optional.ofNullable(recovery.decoyKeyAt())
			.filter(at -> "ACTIVE".equals(recovery.decoyKeyState()))
			.map(at -> at.plus(this.keySettings.lifetime()))
			.filter(at -> at.isAfter(now));
		Optional<Instant> next = recovery.decoyKeysSent() > this.keySettings.maxResends() ? Optional.empty()
				: Optional.of(recovery.decoyKeyAt() == null ? now
						: recovery.decoyKeyAt().plus(this.keySettings.resendCoolDown()));
		return new KeyStatus(expiry, next,
				Math.max(0, this.keySettings.maxWrongPerFlow() - recovery.decoyWrongTotal()), false);
	}

	private KeyIssue.Outcome decoyIssue(CorporateRecovery recovery) {
		Instant now = this.clock.instant();
		if (recovery.decoyKeysSent() > this.keySettings.maxResends()) {
			return KeyIssue.Outcome.LIMIT_REACHED;
		}
		if (recovery.decoyKeyAt() != null
				&& now.isBefore(recovery.decoyKeyAt().plus(this.keySettings.resendCoolDown()))) {
			return KeyIssue.Outcome.COOL_DOWN;
		}
		// the work of a real key: one HMAC, then the rows
		this.secrets.hmac("one-time-key", recovery.id() + ":" + this.random.nextInt());
		this.store.updateDecoy(recovery.id(), recovery.decoyKeysSent() + 1, now, "ACTIVE", 0,
				recovery.decoyWrongTotal(), now);
		return KeyIssue.Outcome.ISSUED;
	}

	/** Every key is wrong; the answers follow the real key's rules, so nothing tells the decoy apart. */
	private KeyCheck decoyCheck(CorporateRecovery recovery, String candidate) {
		Instant now = this.clock.instant();
		this.secrets.hmac("one-time-key", recovery.id() + ":" + candidate);
		String state = recovery.decoyKeyState();
		if (!"ACTIVE".equals(state) || recovery.decoyKeyAt() == null) {
			return "EXHAUSTED".equals(state) ? KeyCheck.EXHAUSTED : KeyCheck.NO_KEY;
		}
		if (!now.isBefore(recovery.decoyKeyAt().plus(this.keySettings.lifetime()))) {
			this.store.updateDecoy(recovery.id(), recovery.decoyKeysSent(), recovery.decoyKeyAt(), "EXPIRED",
					recovery.decoyKeyWrong(), recovery.decoyWrongTotal(), now);
			return KeyCheck.EXPIRED;
		}
		int wrongOnKey = recovery.decoyKeyWrong() + 1;
		int wrongInFlow = recovery.decoyWrongTotal() + 1;
		KeyCheck check = KeyCheck.WRONG;
		String newState = "ACTIVE";
		if (wrongInFlow >= this.keySettings.maxWrongPerFlow()) {
			check = KeyCheck.FLOW_ENDED;
			newState = "EXHAUSTED";
		}
		else if (wrongOnKey >= this.keySettings.maxWrongPerKey()) {
			newState = "EXHAUSTED";
			check = recovery.decoyKeysSent() > this.keySettings.maxResends() ? KeyCheck.FLOW_ENDED
					: KeyCheck.EXHAUSTED;
		}
		this.store.updateDecoy(recovery.id(), recovery.decoyKeysSent(), recovery.decoyKeyAt(), newState, wrongOnKey,
				wrongInFlow, now);
		return check;
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private interface StepAction {

		CorporateRecoveryOutcome apply(CorporateRecovery recovery);

	}

	private CorporateRecoveryOutcome withRecovery(String token, @Nullable CorporateRecoveryStep expected,
			StepAction action) {
		Optional<CorporateRecovery> found = lockOpen(token);
		if (found.isEmpty()) {
			return CorporateRecoveryOutcome.over(reasonOver(token));
		}
		CorporateRecovery recovery = found.get();
		if (expected != null && recovery.step() != expected) {
			return CorporateRecoveryOutcome.wrongStep(recovery.step());
		}
		return action.apply(recovery);
	}

	/** The user was deleted (or finished the first login elsewhere) while recovering: the recovery ends. */
	private CorporateRecoveryOutcome endGone(CorporateRecovery recovery, ClientContext client) {
		this.store.end(recovery.id(), "ENDED", this.clock.instant());
		this.audit.record(AuditEvent.failure("CORPORATE_RECOVERY_DONE", subject(recovery), client, "user-gone")
			.with("recovery", recovery.id().toString()));
		return CorporateRecoveryOutcome.over("corporate.recovery.ended");
	}

	private Optional<CorporateRecovery> lockOpen(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		Optional<CorporateRecovery> found = this.store.lock(tokenHash(token));
		if (found.isPresent() && found.get().open() && isExpired(found.get())) {
			this.store.end(found.get().id(), "EXPIRED", this.clock.instant());
			return Optional.empty();
		}
		return found.filter(CorporateRecovery::open);
	}

	private String reasonOver(String token) {
		if (!wellFormed(token)) {
			return CorporateRecoveryOutcome.NOT_FOUND;
		}
		return this.store.find(tokenHash(token)).map(recovery -> switch (recovery.state()) {
			case "EXPIRED" -> "corporate.recovery.expired";
			case "ENDED" -> "corporate.recovery.ended";
			case "CANCELLED" -> CorporateRecoveryOutcome.CANCELLED;
			case "COMPLETED" -> "corporate.recovery.completed";
			default -> CorporateRecoveryOutcome.NOT_FOUND;
		}).orElse(CorporateRecoveryOutcome.NOT_FOUND);
	}

	private boolean isExpired(CorporateRecovery recovery) {
		return !this.clock.instant().isBefore(recovery.expiresAt());
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private byte[] tokenHash(String token) {
		return this.secrets.hmac(TOKEN_HMAC, token);
	}

	private static boolean wellFormed(@Nullable String token) {
		return token != null && !token.isEmpty() && token.length() <= 100;
	}

	private static Recipient recipient(CompanyUser user) {
		return new Recipient(user.firstNames(), user.mobile(), user.email());
	}

	/** The subject of the audit trail: the company user, or "anonymous" for a RUC and number that named nobody. */
	private static String subject(CorporateRecovery recovery) {
		return recovery.userId() == null ? ANONYMOUS : subject(recovery.userId());
	}

	private static String subject(UUID userId) {
		return "company-user:" + userId;
	}

	private static String masked(String document) {
		return "*".repeat(Math.max(0, document.length() - 4)) + document.substring(Math.max(0, document.length() - 4));
	}

}
