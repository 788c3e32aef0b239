package io.clave.server.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Consecutive failures lock an account for a while, longer each time, and at last until it is unlocked. */
class LockoutsTests extends IntegrationTest {

	@Autowired
	Lockouts lockouts;

	@Autowired
	Users users;

	@Autowired
	TestUsers testUsers;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void locksForFifteenMinutesAtTheFifthConsecutiveFailure() {
		Enrolled user = this.testUsers.enrolled();
		Instant now = this.clock.instant();
		for (int i = 1; i <= 4; i++) {
			Lockout lockout = this.lockouts.recordFailure(user.userId(), now);
			assertThat(lockout.counted()).isTrue();
			assertThat(lockout.failedAttempts()).isEqualTo(i);
			assertThat(lockout.locked()).isFalse();
		}
		Lockout fifth = this.lockouts.recordFailure(user.userId(), now);
		assertThat(fifth.justLocked()).isTrue();
		assertThat(fifth.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
		assertThat(this.users.findById(user.userId()).orElseThrow().lockedAt(now.plusSeconds(899))).isTrue();
		assertThat(this.users.findById(user.userId()).orElseThrow().lockedAt(now.plusSeconds(901))).isFalse();
	}

	@Test
	void doesNotCountAttemptsAgainstALockedAccount() {
		Enrolled user = this.testUsers.enrolled();
		Instant now = this.clock.instant();
		lockOnce(user, now);
		Lockout whileLocked = this.lockouts.recordFailure(user.userId(), now.plusSeconds(60));
		assertThat(whileLocked.counted()).isFalse();
		assertThat(this.users.findById(user.userId()).orElseThrow().failedAttempts()).isZero();
	}

	@Test
	void eachTemporaryLockLastsTwiceAsLongAndTheFourthIsPermanent() {
		Enrolled user = this.testUsers.enrolled();
		Instant now = this.clock.instant();
		assertThat(lockOnce(user, now).lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
		now = now.plus(Duration.ofMinutes(16));
		assertThat(lockOnce(user, now).lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(30)));
		now = now.plus(Duration.ofMinutes(31));
		assertThat(lockOnce(user, now).lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(60)));
		now = now.plus(Duration.ofMinutes(61));
		Lockout fourth = lockOnce(user, now);
		assertThat(fourth.permanent()).isTrue();
		User locked = this.users.findById(user.userId()).orElseThrow();
		assertThat(locked.lockedPermanently()).isTrue();
		assertThat(locked.lockedAt(now.plus(Duration.ofDays(365)))).isTrue();

		this.lockouts.unlock(user.userId());
		User unlocked = this.users.findById(user.userId()).orElseThrow();
		assertThat(unlocked.lockedAt(now)).isFalse();
		assertThat(unlocked.temporaryLocks()).isZero();
	}

	@Test
	void aSuccessfulLoginStartsTheCountsAgain() {
		Enrolled user = this.testUsers.enrolled();
		Instant now = this.clock.instant();
		lockOnce(user, now);
		now = now.plus(Duration.ofMinutes(16));
		this.lockouts.recordFailure(user.userId(), now);
		this.lockouts.recordSuccess(user.userId());
		User after = this.users.findById(user.userId()).orElseThrow();
		assertThat(after.failedAttempts()).isZero();
		assertThat(after.temporaryLocks()).isZero();
		assertThat(lockOnce(user, now).lockedUntil()).as("back to the first lock's length")
			.isEqualTo(now.plus(Duration.ofMinutes(15)));
	}

	@Test
	void countsEveryOneOfManyFailuresArrivingAtOnce() throws Exception {
		Enrolled user = this.testUsers.enrolled();
		Instant now = this.clock.instant();
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Callable<Lockout>> attempts = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				attempts.add(() -> this.lockouts.recordFailure(user.userId(), now));
			}
			List<Lockout> results = new ArrayList<>();
			for (Future<Lockout> result : pool.invokeAll(attempts)) {
				results.add(result.get());
			}
			assertThat(results).filteredOn(Lockout::counted).hasSize(5);
			assertThat(results).filteredOn(Lockout::justLocked).hasSize(1);
			assertThat(this.users.findById(user.userId()).orElseThrow().temporaryLocks()).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
	}

	private Lockout lockOnce(Enrolled user, Instant now) {
		Lockout last = null;
		for (int i = 0; i < 5; i++) {
			last = this.lockouts.recordFailure(user.userId(), now);
		}
		assertThat(last.justLocked()).isTrue();
		return last;
	}

}
