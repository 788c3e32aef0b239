package io.clave.server.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts consecutive wrong passwords and second-factor codes and locks the account when they reach the limit.
 * Each count takes the user's row lock, so attempts arriving at the same moment on several instances are counted
 * one after the other and none is lost; attempts against an account already locked are not counted at all.
 * Each lock counts in {@code clave.lockouts} ({@code kind}: {@code temporary} or {@code permanent}).
 */
@Component
public class Lockouts {

	private final JdbcClient jdbc;

	private final IdentitySettings.Lockout rules;

	private final MeterRegistry meters;

	Lockouts(JdbcClient jdbc, IdentitySettings settings, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.rules = settings.lockout();
		this.meters = meters;
	}

	/** Counts one failure in its own transaction, so that nothing the caller rolls back can undo it. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Lockout recordFailure(UUID userId, Instant now) {
		User user = this.jdbc.sql("SELECT * FROM users WHERE id = ? FOR UPDATE")
			.param(userId)
			.query(Users::map)
			.single();
		if (user.lockedAt(now)) {
			return new Lockout(false, user.failedAttempts(), user.lockedPermanently() ? null : user.lockedUntil(),
					user.lockedPermanently(), false);
		}
		int failures = user.failedAttempts() + 1;
		if (failures < this.rules.maxFailures()) {
			this.jdbc.sql("UPDATE users SET failed_attempts = ? WHERE id = ?").params(failures, userId).update();
			return new Lockout(true, failures, null, false, false);
		}
		int locks = user.temporaryLocks() + 1;
		if (locks > this.rules.maxTemporaryLocks()) {
			this.jdbc.sql("""
					UPDATE users SET state = 'LOCKED', lock_reason = 'FAILED_ATTEMPTS', failed_attempts = 0,
					                 locked_until = NULL, temporary_locks = ? WHERE id = ?""")
				.params(locks, userId)
				.update();
			this.meters.counter("clave.lockouts", "kind", "permanent").increment();
			return new Lockout(true, failures, null, true, true);
		}
		Instant until = now.plus(lockDuration(locks));
		this.jdbc.sql("""
				UPDATE users SET failed_attempts = 0, locked_until = ?, temporary_locks = ?,
				                 lock_reason = 'FAILED_ATTEMPTS' WHERE id = ?""")
			.params(Timestamp.from(until), locks, userId)
			.update();
		this.meters.counter("clave.lockouts", "kind", "temporary").increment();
		return new Lockout(true, failures, until, false, true);
	}

	/**
	 * Counts a wrong password typed for a username that does not exist, in a transaction shaped like
	 * {@link #recordFailure}'s (one row locked and written), so that both answers take the same time.
	 * @param usernameHash a keyed hash of the username as typed, never the username itself
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailureOfUnknownUsername(byte[] usernameHash, Instant now) {
		this.jdbc.sql("""
				INSERT INTO unknown_username_failures (username_hash, failures, last_at) VALUES (?, 1, ?)
				ON CONFLICT (username_hash) DO UPDATE SET failures = unknown_username_failures.failures + 1,
				                                          last_at = EXCLUDED.last_at""")
			.params(usernameHash, Timestamp.from(now))
			.update();
	}

	/** Forgets failures of unknown usernames older than the cutoff. */
	@Transactional
	public int forgetUnknownUsernameFailuresBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM unknown_username_failures WHERE last_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

	/** The n-th temporary lock (from 1): the first lock, times the growth factor for each one before it. */
	Duration lockDuration(int lockNumber) {
		Duration duration = this.rules.firstLock();
		for (int i = 1; i < lockNumber && duration.compareTo(this.rules.longestLock()) < 0; i++) {
			duration = duration.multipliedBy(this.rules.growth());
		}
		return duration.compareTo(this.rules.longestLock()) > 0 ? this.rules.longestLock() : duration;
	}

	/** A successful login: the counts start again. */
	public void recordSuccess(UUID userId) {
		this.jdbc.sql("""
				UPDATE users SET failed_attempts = 0, temporary_locks = 0, locked_until = NULL, lock_reason = NULL
				WHERE id = ? AND state = 'ACTIVE' AND (failed_attempts > 0 OR temporary_locks > 0
				                                       OR locked_until IS NOT NULL)""")
			.param(userId)
			.update();
	}

	/** Lifts any lock, temporary or permanent: self-service recovery or the bank. */
	@Transactional
	public void unlock(UUID userId) {
		this.jdbc.sql("""
				UPDATE users SET state = 'ACTIVE', failed_attempts = 0, temporary_locks = 0, locked_until = NULL,
				                 lock_reason = NULL WHERE id = ?""")
			.param(userId)
			.update();
	}

	/** Locks the account until it is unlocked, for a reason the back office shows. */
	@Transactional
	public void lock(UUID userId, String reason) {
		this.jdbc.sql("UPDATE users SET state = 'LOCKED', lock_reason = ?, locked_until = NULL WHERE id = ?")
			.params(reason, userId)
			.update();
	}

	public int maxFailures() {
		return this.rules.maxFailures();
	}

}
