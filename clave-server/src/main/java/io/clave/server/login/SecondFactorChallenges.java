package io.clave.server.login;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.Lockout;
import io.clave.server.identity.Lockouts;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyCheck;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.onetimekey.OneTimeKeys;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.ClientContext;
import io.clave.server.softtoken.SoftTokens;
import io.clave.server.softtoken.TokenCheck;
import io.clave.server.softtoken.TokenStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks a customer for their second factor and checks the answer: at login, and again before a sensitive change
 * (a new password, a transfer). Wrong codes count towards the same lockout as wrong passwords.
 *
 * <p>
 * A challenge's one-time keys are filed under a flow id derived from the user and the challenge id with a keyed
 * hash, so a challenge id is worth nothing to anyone but the customer it was started for.
 */
@Service
public class SecondFactorChallenges {

	private final OneTimeKeys keys;

	private final Lockouts lockouts;

	private final Users users;

	private final Customers customers;

	private final Secrets secrets;

	private final AuditTrail audit;

	private final LoginSettings settings;

	private final Clock clock;

	private final LockNotices lockNotices;

	private final SoftTokens softTokens;

	SecondFactorChallenges(OneTimeKeys keys, Lockouts lockouts, Users users, Customers customers, Secrets secrets,
			AuditTrail audit, LoginSettings settings, LockNotices lockNotices, SoftTokens softTokens, Clock clock) {
		this.lockNotices = lockNotices;
		this.softTokens = softTokens;
		this.keys = keys;
		this.lockouts = lockouts;
		this.users = users;
		this.customers = customers;
		this.secrets = secrets;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** Starts a challenge and sends its clave temporal. */
	@Transactional
	public SecondFactorChallenge start(UUID userId, KeyPurpose purpose, Locale locale) {
		return send(UUID.randomUUID(), userId, purpose, locale);
	}

	/** Sends a new key for the same challenge, within the cool-down and resend limits of one-time keys. */
	@Transactional
	public SecondFactorChallenge resend(UUID challengeId, UUID userId, KeyPurpose purpose, Locale locale) {
		return send(challengeId, userId, purpose, locale);
	}

	/**
	 * A clave temporal by SMS even for a customer whose Token digital is active: the way in when the app is locked or
	 * not at hand (a possession factor still: the registered mobile).
	 */
	@Transactional
	public SecondFactorChallenge startByOneTimeKey(UUID userId, KeyPurpose purpose, Locale locale) {
		return sendKey(UUID.randomUUID(), userId, purpose, locale);
	}

	private SecondFactorChallenge send(UUID challengeId, UUID userId, KeyPurpose purpose, Locale locale) {
		if (tokenActive(userId) && !keySent(challengeId, userId, purpose)) {
			// the app's code is the factor: nothing to send
			return new SecondFactorChallenge(challengeId, SecondFactorChallenge.Kind.TOKEN_CODE, false, null, null);
		}
		return sendKey(challengeId, userId, purpose, locale);
	}

	private SecondFactorChallenge sendKey(UUID challengeId, UUID userId, KeyPurpose purpose, Locale locale) {
		User user = this.users.findById(userId).orElseThrow();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		Recipient to = new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email());
		KeyIssue issue = this.keys.issue(flowId(userId, challengeId), purpose, to, this.settings.oneTimeKeyChannels(),
				locale);
		boolean sent = issue.outcome() == KeyIssue.Outcome.ISSUED;
		return new SecondFactorChallenge(challengeId, SecondFactorChallenge.Kind.ONE_TIME_KEY, sent,
				sent ? issue.expiresAt() : null, issue.nextIssueAt());
	}

	/** The state of a challenge's key without sending anything: for a page shown again. */
	public SecondFactorChallenge status(UUID challengeId, UUID userId, KeyPurpose purpose) {
		if (tokenActive(userId) && !keySent(challengeId, userId, purpose)) {
			return new SecondFactorChallenge(challengeId, SecondFactorChallenge.Kind.TOKEN_CODE, false, null, null);
		}
		var status = this.keys.status(flowId(userId, challengeId), purpose);
		return new SecondFactorChallenge(challengeId, SecondFactorChallenge.Kind.ONE_TIME_KEY,
				status.activeKeyExpiresAt().isPresent(), status.activeKeyExpiresAt().orElse(null),
				status.nextIssueAt().orElse(null));
	}

	/**
	 * Checks a code. A wrong one counts towards the lockout; the audit trail records each outcome under
	 * {@code SECOND_FACTOR} with the purpose.
	 */
	public SecondFactorCheck verify(UUID challengeId, UUID userId, KeyPurpose purpose, String code,
			ClientContext client) {
		String subject = "user:" + userId;
		User user = this.users.findById(userId).orElse(null);
		if (user == null) {
			return SecondFactorCheck.NO_CHALLENGE;
		}
		if (user.lockedAt(this.clock.instant())) {
			this.audit.record(event(AuditEvent.failure("SECOND_FACTOR", subject, client, "account-locked"), purpose));
			return SecondFactorCheck.LOCKED;
		}
		if (tokenActive(userId) && !keySent(challengeId, userId, purpose)) {
			return verifyTokenCode(userId, purpose, code == null ? "" : code.trim(), client);
		}
		KeyCheck check = this.keys.verify(flowId(userId, challengeId), purpose, code == null ? "" : code.trim());
		switch (check) {
			case ACCEPTED -> {
				this.audit.record(event(AuditEvent.success("SECOND_FACTOR", subject, client), purpose));
				return SecondFactorCheck.ACCEPTED;
			}
			case WRONG, EXHAUSTED -> {
				Lockout lockout = this.lockouts.recordFailure(userId, this.clock.instant());
				this.audit.record(event(AuditEvent.failure("SECOND_FACTOR", subject, client,
						lockout.justLocked() ? "wrong-code-now-locked" : "wrong-code"), purpose));
				this.lockNotices.sendIfJustLocked(userId, lockout);
				if (lockout.locked()) {
					return SecondFactorCheck.LOCKED;
				}
				return check == KeyCheck.EXHAUSTED ? SecondFactorCheck.NEW_KEY_NEEDED : SecondFactorCheck.WRONG;
			}
			case EXPIRED -> {
				this.audit.record(event(AuditEvent.failure("SECOND_FACTOR", subject, client, "expired"), purpose));
				return SecondFactorCheck.NEW_KEY_NEEDED;
			}
			default -> {
				this.audit.record(event(AuditEvent.failure("SECOND_FACTOR", subject, client,
						check.name().toLowerCase(Locale.ROOT)), purpose));
				return SecondFactorCheck.NO_CHALLENGE;
			}
		}
	}

	/** Whether this challenge went by clave temporal (it has a flow of keys), whatever the customer's factor. */
	private boolean keySent(UUID challengeId, UUID userId, KeyPurpose purpose) {
		return this.keys.started(flowId(userId, challengeId), purpose);
	}

	private boolean tokenActive(UUID userId) {
		return this.softTokens.inUse(userId).map(TokenStatus::active).orElse(false);
	}

	/**
	 * A code of the Token digital: wrong or replayed ones count towards the account's lockout as well as the token's
	 * own lock; a token locked on the server makes the caller fall back to a clave temporal.
	 */
	private SecondFactorCheck verifyTokenCode(UUID userId, KeyPurpose purpose, String code, ClientContext client) {
		TokenCheck check = this.softTokens.verify(userId, code, client);
		return switch (check) {
			case ACCEPTED -> SecondFactorCheck.ACCEPTED;
			case LOCKED, NO_TOKEN -> SecondFactorCheck.TOKEN_LOCKED;
			case WRONG, REPLAYED -> {
				Lockout lockout = this.lockouts.recordFailure(userId, this.clock.instant());
				this.audit.record(event(AuditEvent.failure("SECOND_FACTOR", "user:" + userId, client,
						lockout.justLocked() ? "wrong-token-code-now-locked" : "wrong-token-code"), purpose));
				this.lockNotices.sendIfJustLocked(userId, lockout);
				yield lockout.locked() ? SecondFactorCheck.LOCKED : SecondFactorCheck.WRONG;
			}
		};
	}

	private static AuditEvent event(AuditEvent event, KeyPurpose purpose) {
		return event.with("purpose", purpose.name());
	}

	private UUID flowId(UUID userId, UUID challengeId) {
		return this.secrets.uuid("second-factor-challenge", userId + ":" + challengeId);
	}

}
