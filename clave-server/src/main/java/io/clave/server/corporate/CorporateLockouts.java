package io.clave.server.corporate;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.clave.server.identity.IdentitySettings;
import io.clave.server.identity.Lockout;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a company user's consecutive wrong passwords and claves temporales and locks the access under the same
 * rules as for personal customers ({@code clave.identity.lockout.*}): temporary locks that grow, then a lock that
 * lasts until the credentials are recovered or reissued. Each count takes the user's row lock, so attempts arriving
 * at once are counted one after the other; attempts against a locked user are not counted.
 */
@Component
class CorporateLockouts {

	static final String FAILED_ATTEMPTS = "FAILED_ATTEMPTS";

	private final CompanyUsers users;

	private final IdentitySettings.Lockout rules;

	private final Notifications notifications;

	CorporateLockouts(CompanyUsers users, IdentitySettings identity, Notifications notifications) {
		this.users = users;
		this.rules = identity.lockout();
		this.notifications = notifications;
	}

	/** Counts one failure in its own transaction, so that nothing the caller rolls back can undo it. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Lockout recordFailure(UUID userId, Instant now) {
		CompanyUser user = this.users.lockForUpdate(userId).orElseThrow();
		if (user.lockedAt(now)) {
			return new Lockout(false, user.failedAttempts(), user.lockedUntil(), user.lockedUntil() == null, false);
		}
		int failures = user.failedAttempts() + 1;
		if (failures < this.rules.maxFailures()) {
			this.users.recordFailure(userId, failures, null, user.temporaryLocks(), null);
			return new Lockout(true, failures, null, false, false);
		}
		int locks = user.temporaryLocks() + 1;
		if (locks > this.rules.maxTemporaryLocks()) {
			this.users.recordFailure(userId, 0, null, locks, FAILED_ATTEMPTS);
			return new Lockout(true, failures, null, true, true);
		}
		Instant until = now.plus(lockDuration(locks));
		this.users.recordFailure(userId, 0, until, locks, FAILED_ATTEMPTS);
		return new Lockout(true, failures, until, false, true);
	}

	/** Tells the user by e-mail and SMS that their access was just locked, and until when. */
	@Transactional
	void noticeIfJustLocked(CompanyUser user, Lockout lockout, Locale locale) {
		if (lockout.justLocked()) {
			this.notifications.sendCorporateAccessLocked(new Recipient(user.firstNames(), user.mobile(), user.email()),
					lockout.permanent() ? null : lockout.lockedUntil(), locale);
		}
	}

	private Duration lockDuration(int lockNumber) {
		Duration duration = this.rules.firstLock();
		for (int i = 1; i < lockNumber && duration.compareTo(this.rules.longestLock()) < 0; i++) {
			duration = duration.multipliedBy(this.rules.growth());
		}
		return duration.compareTo(this.rules.longestLock()) > 0 ? this.rules.longestLock() : duration;
	}

	int maxFailures() {
		return this.rules.maxFailures();
	}

}
