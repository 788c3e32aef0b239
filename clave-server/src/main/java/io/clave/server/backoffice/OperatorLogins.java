package io.clave.server.backoffice;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

import io.clave.otp.Totp;
import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.ClientContext;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's login: the password, then a code of the authenticator app (TOTP, RFC 6238), then, at the first
 * login, a new password. Every attempt is audited ({@code BACKOFFICE_LOGIN}); a wrong password, a wrong code and a
 * code already used all count towards the lock, and the caller learns only "accepted" or "refused", so that a page
 * can give the same answer for an unknown username, a wrong password, a wrong code and a locked account.
 */
@Service
public class OperatorLogins {

	static final String LOGIN = "BACKOFFICE_LOGIN";

	private static final Totp TOTP = Totp.defaults();

	private final OperatorStore store;

	private final PasswordEncoder passwords;

	private final Secrets secrets;

	private final AuditTrail audit;

	private final BackofficeSettings settings;

	private final Clock clock;

	/** Checked when the username is unknown, so that the answer takes as long as for a known one. */
	private final String decoyHash;

	OperatorLogins(OperatorStore store, PasswordEncoder passwords, Secrets secrets, AuditTrail audit,
			BackofficeSettings settings, Clock clock) {
		this.store = store;
		this.passwords = passwords;
		this.secrets = secrets;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.decoyHash = passwords.encode(UUID.randomUUID().toString());
	}

	/** The first step. Accepted means the code comes next; it resets no counter. */
	@Transactional
	public PasswordCheck checkPassword(@Nullable String username, @Nullable String password, ClientContext client) {
		String canonical = Operators.canonical(username);
		Optional<OperatorStore.StoredOperator> found = canonical == null ? Optional.empty()
				: this.store.lockByUsername(canonical);
		String typed = password == null ? "" : password;
		if (found.isEmpty()) {
			this.passwords.matches(typed, this.decoyHash);
			failure("operator:unknown", client, "password", "unknown-username");
			return PasswordCheck.REFUSED;
		}
		OperatorStore.StoredOperator operator = found.get();
		Instant now = this.clock.instant();
		if (!operator.active()) {
			this.passwords.matches(typed, this.decoyHash);
			failure(Operators.subject(operator.id()), client, "password", "disabled");
			return PasswordCheck.REFUSED;
		}
		if (operator.lockedAt(now)) {
			this.passwords.matches(typed, this.decoyHash);
			failure(Operators.subject(operator.id()), client, "password", "locked");
			return PasswordCheck.REFUSED;
		}
		if (typed.isEmpty() || !this.passwords.matches(typed, operator.passwordHash())) {
			countFailure(operator, now, client, "password", "wrong-password");
			return PasswordCheck.REFUSED;
		}
		this.audit.record(AuditEvent.success(LOGIN, Operators.subject(operator.id()), client).with("step", "password"));
		return new PasswordCheck(operator.id());
	}

	/**
	 * The second step, after an accepted password. A code is accepted once: a code of the step last accepted, or of
	 * an earlier one, is refused as replayed.
	 */
	@Transactional
	public CodeCheck checkCode(UUID operatorId, @Nullable String code, ClientContext client) {
		Optional<OperatorStore.StoredOperator> found = this.store.lock(operatorId);
		if (found.isEmpty()) {
			return CodeCheck.REFUSED;
		}
		OperatorStore.StoredOperator operator = found.get();
		Instant now = this.clock.instant();
		String subject = Operators.subject(operatorId);
		if (!operator.active()) {
			failure(subject, client, "code", "disabled");
			return CodeCheck.REFUSED;
		}
		if (operator.lockedAt(now)) {
			failure(subject, client, "code", "locked");
			return CodeCheck.REFUSED;
		}
		String typed = code == null ? "" : code.strip();
		OptionalLong step = typed.matches("[0-9]{6}")
				? TOTP.verify(this.secrets.decrypt(Operators.TOTP_SECRET_PURPOSE, operator.totpSecretBox()), typed, now,
						this.settings.totpWindow())
				: OptionalLong.empty();
		if (step.isEmpty()) {
			countFailure(operator, now, client, "code", "wrong-code");
			return CodeCheck.REFUSED;
		}
		if (step.getAsLong() <= operator.totpLastStep()) {
			countFailure(operator, now, client, "code", "replayed-code");
			return CodeCheck.REFUSED;
		}
		this.store.acceptCode(operatorId, step.getAsLong());
		this.audit.record(AuditEvent.success(LOGIN, subject, client)
			.with("step", "code")
			.with("roles", Operators.roleNames(operator.roles()))
			.with("must-change-password", Boolean.toString(operator.mustChangePassword())));
		return new CodeCheck(true, operator.mustChangePassword(),
				operator.mustChangePassword() ? null : signedIn(operator, now));
	}

	/**
	 * The password an operator chooses at the first login (or later): 12 or more characters (the setting), not
	 * containing the username, not the current one, typed twice.
	 * @return the message key of the rule broken, or empty when the password was changed
	 */
	@Transactional
	public Optional<String> changePassword(UUID operatorId, @Nullable String password, @Nullable String confirmation,
			ClientContext client) {
		Optional<OperatorStore.StoredOperator> found = this.store.lock(operatorId);
		if (found.isEmpty() || !found.get().active()) {
			return Optional.of("backoffice.password.rule.required");
		}
		OperatorStore.StoredOperator operator = found.get();
		String chosen = password == null ? "" : password;
		Optional<String> broken = brokenRule(operator, chosen, confirmation == null ? "" : confirmation);
		if (broken.isPresent()) {
			this.audit.record(AuditEvent.failure("BACKOFFICE_PASSWORD_CHANGE", Operators.subject(operatorId), client,
					broken.get().substring(broken.get().lastIndexOf('.') + 1)));
			return broken;
		}
		this.store.changePassword(operatorId, this.passwords.encode(chosen), this.clock.instant());
		this.audit.record(AuditEvent.success("BACKOFFICE_PASSWORD_CHANGE", Operators.subject(operatorId), client));
		return Optional.empty();
	}

	/** The principal of a session that finishes its login now. */
	public Optional<SignedInOperator> signIn(UUID operatorId, ClientContext client) {
		Optional<OperatorStore.StoredOperator> operator = this.store.find(operatorId)
			.filter(OperatorStore.StoredOperator::active)
			.filter(found -> !found.mustChangePassword());
		operator.ifPresent(found -> this.audit.record(AuditEvent.success(LOGIN, Operators.subject(operatorId), client)
			.with("step", "signed-in")
			.with("roles", Operators.roleNames(found.roles()))));
		return operator.map(found -> signedIn(found, this.clock.instant()));
	}

	public void signedOut(SignedInOperator operator, ClientContext client) {
		this.audit.record(AuditEvent.success("BACKOFFICE_LOGOUT", Operators.subject(operator.operatorId()), client));
	}

	public int passwordMinLength() {
		return this.settings.passwordMinLength();
	}

	private Optional<String> brokenRule(OperatorStore.StoredOperator operator, String password, String confirmation) {
		if (password.isEmpty()) {
			return Optional.of("backoffice.password.rule.required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < this.settings.passwordMinLength() || length > this.settings.passwordMaxLength()) {
			return Optional.of("backoffice.password.rule.length");
		}
		if (password.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
			return Optional.of("backoffice.password.rule.characters");
		}
		if (!password.equals(confirmation)) {
			return Optional.of("backoffice.password.rule.confirmation");
		}
		if (password.toLowerCase(Locale.ROOT).contains(operator.username().toLowerCase(Locale.ROOT))) {
			return Optional.of("backoffice.password.rule.username");
		}
		if (this.passwords.matches(password, operator.passwordHash())) {
			return Optional.of("backoffice.password.rule.same");
		}
		return Optional.empty();
	}

	private void countFailure(OperatorStore.StoredOperator operator, Instant now, ClientContext client, String step,
			String reason) {
		int failures = operator.failedAttempts() + 1;
		boolean lock = failures >= this.settings.maxFailures();
		this.store.countFailure(operator.id(), lock ? 0 : failures, lock ? now.plus(this.settings.lockDuration()) : null);
		failure(Operators.subject(operator.id()), client, step, lock ? reason + "-now-locked" : reason);
	}

	private void failure(String subject, ClientContext client, String step, String reason) {
		this.audit.record(AuditEvent.failure(LOGIN, subject, client, reason).with("step", step));
	}

	private static SignedInOperator signedIn(OperatorStore.StoredOperator operator, Instant now) {
		return new SignedInOperator(operator.id(), operator.username(),
				operator.roles().stream().map(Enum::name).collect(Collectors.toSet()), now);
	}

	/** The password step's answer; the operator's id only when accepted. */
	public record PasswordCheck(@Nullable UUID operatorId) {

		static final PasswordCheck REFUSED = new PasswordCheck(null);

		public boolean accepted() {
			return this.operatorId != null;
		}

	}

	/**
	 * The code step's answer.
	 * @param mustChangePassword the operator signs in only after choosing a new password
	 * @param operator the session's principal (when accepted and no password change is due)
	 */
	public record CodeCheck(boolean accepted, boolean mustChangePassword, @Nullable SignedInOperator operator) {

		static final CodeCheck REFUSED = new CodeCheck(false, false, null);

	}

}
