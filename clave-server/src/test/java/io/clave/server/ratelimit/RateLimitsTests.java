package io.clave.server.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.clave.server.ratelimit.RateLimitSettings.Limit;
import io.clave.server.secrets.Secrets;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTests extends IntegrationTest {

	@Autowired
	private RateLimits rateLimits;

	@Autowired
	private RateLimitSettings settings;

	@Autowired
	private Secrets secrets;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theSettingsHoldTheDocumentedDefaults() {
		assertThat(DEFAULTS.enabled()).isTrue();
		assertThat(DEFAULTS.of(RateLimit.LOGIN_PER_IP)).isEqualTo(new Limit(30, Duration.ofMinutes(1)));
		assertThat(DEFAULTS.of(RateLimit.LOGIN_PER_USERNAME)).isEqualTo(new Limit(10, Duration.ofMinutes(1)));
		assertThat(DEFAULTS.of(RateLimit.RECOVERY_PER_IP)).isEqualTo(new Limit(10, Duration.ofMinutes(10)));
		assertThat(DEFAULTS.of(RateLimit.RECOVERY_PER_CEDULA)).isEqualTo(new Limit(5, Duration.ofHours(1)));
		assertThat(DEFAULTS.of(RateLimit.ENROLLMENT_PER_IP)).isEqualTo(new Limit(20, Duration.ofMinutes(10)));
		assertThat(settings(true, new Limit(0, Duration.ZERO)).of(RateLimit.RECOVERY_PER_CEDULA))
			.as("an unset limit takes its default")
			.isEqualTo(new Limit(5, Duration.ofHours(1)));
	}

	@Test
	void allowsTheCapacityThenRefusesWithARetryAfterInWholeSeconds() {
		String username = uniqueUsername();
		for (int i = 0; i < 10; i++) {
			assertThat(this.rateLimits.tryConsume(RateLimit.LOGIN_PER_USERNAME, username))
				.isEqualTo(new RateDecision(true, Duration.ZERO));
		}
		RateDecision refused = this.rateLimits.tryConsume(RateLimit.LOGIN_PER_USERNAME, username);
		assertThat(refused.allowed()).isFalse();
		// 10 per minute, refilled greedily: the next attempt within 6 seconds
		assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(6));
		assertThat(refused.retryAfter().getNano()).isZero();
		assertThat(refused.retryAfterSeconds()).isEqualTo(refused.retryAfter().getSeconds());
	}

	@Test
	void refillsAsTimePasses() {
		String cedula = "cedula-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			assertThat(this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_CEDULA, cedula).allowed()).isTrue();
		}
		RateDecision refused = this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_CEDULA, cedula);
		assertThat(refused.allowed()).isFalse();
		// 5 per hour: one attempt every 12 minutes
		assertThat(refused.retryAfter()).isBetween(Duration.ofMinutes(11), Duration.ofMinutes(12));

		this.clock.advance(refused.retryAfter());
		assertThat(this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_CEDULA, cedula).allowed()).isTrue();
		assertThat(this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_CEDULA, cedula).allowed()).isFalse();

		this.clock.advance(Duration.ofHours(1));
		for (int i = 0; i < 5; i++) {
			assertThat(this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_CEDULA, cedula).allowed()).isTrue();
		}
		assertThat(this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_CEDULA, cedula).allowed()).isFalse();
	}

	@Test
	void differentKeysAndDifferentLimitsCountApart() {
		String username = uniqueUsername();
		exhaust(RateLimit.LOGIN_PER_USERNAME, username, 10);

		assertThat(this.rateLimits.tryConsume(RateLimit.LOGIN_PER_USERNAME, username).allowed()).isFalse();
		assertThat(this.rateLimits.tryConsume(RateLimit.LOGIN_PER_USERNAME, username.toLowerCase()).allowed())
			.as("the same username in other letter case")
			.isFalse();
		assertThat(this.rateLimits.tryConsume(RateLimit.LOGIN_PER_USERNAME, uniqueUsername()).allowed())
			.as("another username")
			.isTrue();
		assertThat(this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_CEDULA, username).allowed())
			.as("the same key under another limit")
			.isTrue();
	}

	@Test
	void storesOnlyAKeyedHashOfTheKey() {
		String ip = "198.51.100." + UUID.randomUUID();
		this.rateLimits.tryConsume(RateLimit.LOGIN_PER_IP, ip);

		String expectedId = HexFormat.of().formatHex(this.secrets.hmac("rate-limit", "LOGIN_PER_IP:" + ip));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM rate_limit_buckets WHERE id = ? AND state IS NOT NULL")
			.param(expectedId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM rate_limit_buckets WHERE id LIKE ? OR id LIKE ?")
			.param("%" + ip + "%")
			.param("%198.51.100%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT id FROM rate_limit_buckets").query(String.class).list())
			.allMatch(id -> id.matches("[0-9a-f]{64}"));
	}

	@Test
	void twoInstancesOverTheSameDatabaseShareOneCount() {
		RateLimits first = new RateLimits(DEFAULTS, this.secrets, this.dataSource, this.clock);
		RateLimits second = new RateLimits(DEFAULTS, this.secrets, this.dataSource, this.clock);
		String ip = "203.0.113." + UUID.randomUUID();

		int allowed = 0;
		for (int i = 0; i < 15; i++) {
			RateLimits instance = (i % 2 == 0) ? first : second;
			if (instance.tryConsume(RateLimit.RECOVERY_PER_IP, ip).allowed()) {
				allowed++;
			}
		}
		assertThat(allowed).isEqualTo(10);
		assertThat(this.rateLimits.tryConsume(RateLimit.RECOVERY_PER_IP, ip).allowed()).isFalse();
	}

	@Test
	void parallelAttemptsNeverExceedTheCapacity() throws Exception {
		// an hour's period, so that no attempt refills while the threads run
		RateLimitSettings tenPerHour = settings(true, new Limit(10, Duration.ofHours(1)));
		RateLimits first = new RateLimits(tenPerHour, this.secrets, this.dataSource, this.clock);
		RateLimits second = new RateLimits(tenPerHour, this.secrets, this.dataSource, this.clock);
		String ip = "192.0.2." + UUID.randomUUID();

		ExecutorService threads = Executors.newFixedThreadPool(40);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> attempts = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				RateLimits instance = (i % 2 == 0) ? first : second;
				attempts.add(threads.submit(() -> {
					start.await();
					return instance.tryConsume(RateLimit.ENROLLMENT_PER_IP, ip).allowed();
				}));
			}
			start.countDown();
			int allowed = 0;
			for (Future<Boolean> attempt : attempts) {
				if (attempt.get(60, TimeUnit.SECONDS)) {
					allowed++;
				}
			}
			assertThat(allowed).isEqualTo(10);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void letsAttemptsThroughWhenTheDatabaseCannotBeReached() {
		RateLimits withoutDatabase = new RateLimits(this.settings, this.secrets, unreachableDatabase(), this.clock);
		for (int i = 0; i < 12; i++) {
			assertThat(withoutDatabase.tryConsume(RateLimit.LOGIN_PER_USERNAME, "nadie"))
				.isEqualTo(new RateDecision(true, Duration.ZERO));
		}
		withoutDatabase.removeRefilledBuckets();
	}

	@Test
	void whenDisabledAllowsEverythingWithoutTheDatabase() {
		RateLimits disabled = new RateLimits(settings(false, new Limit(1, Duration.ofHours(1))), this.secrets,
				unreachableDatabase(), this.clock);
		for (int i = 0; i < 5; i++) {
			assertThat(disabled.tryConsume(RateLimit.LOGIN_PER_IP, "192.0.2.1").allowed()).isTrue();
		}
	}

	@Test
	void removesBucketsThatHaveRefilled() {
		String refilled = uniqueUsername();
		String busy = uniqueUsername();
		this.rateLimits.tryConsume(RateLimit.LOGIN_PER_USERNAME, refilled);
		this.rateLimits.tryConsume(RateLimit.LOGIN_PER_USERNAME, busy);
		String refilledId = id(RateLimit.LOGIN_PER_USERNAME, refilled);
		String busyId = id(RateLimit.LOGIN_PER_USERNAME, busy);
		long busyExpiry = this.jdbc.sql("SELECT expires_at FROM rate_limit_buckets WHERE id = ?")
			.param(busyId)
			.query(Long.class)
			.single();
		// one attempt out of ten per minute: full again within about 6 seconds
		assertThat(busyExpiry - System.currentTimeMillis()).isBetween(0L, 6_000L);
		// as if the first bucket's refill time had passed
		this.jdbc.sql("UPDATE rate_limit_buckets SET expires_at = 0 WHERE id = ?").param(refilledId).update();

		this.rateLimits.removeRefilledBuckets();

		assertThat(this.jdbc.sql("SELECT id FROM rate_limit_buckets WHERE id IN (?, ?)")
			.param(refilledId)
			.param(busyId)
			.query(String.class)
			.list()).containsExactly(busyId);
	}

	private void exhaust(RateLimit limit, String key, int capacity) {
		for (int i = 0; i < capacity; i++) {
			assertThat(this.rateLimits.tryConsume(limit, key).allowed()).isTrue();
		}
	}

	private String id(RateLimit limit, String key) {
		return HexFormat.of().formatHex(this.secrets.hmac("rate-limit", limit + ":" + key.toLowerCase(Locale.ROOT)));
	}

	private static String uniqueUsername() {
		return "Usuario" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	/**
	 * The limits as shipped. The test profile raises the per-address ones, because every request of the suite comes
	 * from 127.0.0.1; an unset limit falls back to these.
	 */
	private static final RateLimitSettings DEFAULTS = settings(true, new Limit(0, Duration.ZERO));

	private static RateLimitSettings settings(boolean enabled, Limit every) {
		return new RateLimitSettings(enabled, every, every, every, every, every, Duration.ofSeconds(2),
				Duration.ofMinutes(5));
	}

	private static DataSource unreachableDatabase() {
		// nothing listens on port 1: the connection is refused at once
		return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/clave?connectTimeout=1");
	}

}
