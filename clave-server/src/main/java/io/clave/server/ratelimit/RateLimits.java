package io.clave.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import io.clave.server.secrets.Secrets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts attempts against the {@link RateLimit}s. The buckets live in PostgreSQL (table {@code rate_limit_buckets},
 * Bucket4j's JDBC proxy manager with {@code SELECT ... FOR UPDATE}), so every server instance over the same database
 * counts the same attempts, and concurrent attempts on one key are serialized by the row lock.
 *
 * <p>
 * The key of a bucket is the HMAC of {@code "<LIMIT>:<key in lower case>"}: IP addresses, usernames and cédulas are
 * personal data and never reach the table. Each attempt commits on its own connection, outside any transaction of
 * the caller, so a refused (rolled-back) login still counts.
 *
 * <p>
 * <b>Fail open.</b> When the database cannot be asked (down, pool exhausted, slower than
 * {@code clave.rate-limit.request-timeout}), the attempt is allowed and a warning logged. A rate limiter only slows
 * guessing; it must not take login, recovery and enrollment down with it. The defences that matter for a single
 * account stay in force without it: the account lockout, the one-time-key limits and Argon2id cost, all of which
 * need the same database and fail closed.
 */
@Service
public class RateLimits {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	private static final String TABLE = "rate_limit_buckets";

	private static final int CLEANUP_BATCH = 1000;

	/** A safety stop: at most this many batches per cleanup run; the next run carries on. */
	private static final int CLEANUP_MAX_BATCHES = 100;

	private final RateLimitSettings settings;

	private final Secrets secrets;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);

	/**
	 * Each instance has its own proxy manager over the shared table, as each server instance does.
	 * @param clock the time of the buckets (tests move it)
	 */
	public RateLimits(RateLimitSettings settings, Secrets secrets, DataSource dataSource, Clock clock) {
		this.settings = settings;
		this.secrets = secrets;
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			// a bucket that has refilled completely is the same as no bucket: it may be deleted
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.clientClock(new ClockTimeMeter(clock))
			.requestTimeout(settings.requestTimeout())
			.build();
		for (RateLimit limit : RateLimit.values()) {
			RateLimitSettings.Limit rule = settings.of(limit);
			this.configurations.put(limit, BucketConfiguration.builder()
				.addLimit(Bandwidth.builder().capacity(rule.capacity()).refillGreedy(rule.capacity(), rule.period()).build())
				.build());
		}
	}

	/**
	 * Counts one attempt of {@code key} (an IP address, a username, a cédula; compared in lower case) against the
	 * limit.
	 * @return allowed, or refused with the whole seconds until the next attempt would be allowed
	 */
	public RateDecision tryConsume(RateLimit limit, String key) {
		if (!this.settings.enabled()) {
			return RateDecision.allow();
		}
		try {
			ConsumptionProbe probe = this.buckets.builder()
				.build(bucketId(limit, key), () -> this.configurations.get(limit))
				.tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? RateDecision.allow()
					: RateDecision.refuse(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		catch (RuntimeException ex) {
			// never the key: it is personal data
			log.warn("Rate limit {} could not be checked, the attempt is allowed (fail open): {}", limit,
					ex.toString());
			return RateDecision.allow();
		}
	}

	/** Deletes the buckets that have refilled completely; they would allow exactly what a missing one allows. */
	@Scheduled(fixedDelayString = "${clave.rate-limit.cleanup-interval:5m}")
	public void removeRefilledBuckets() {
		try {
			int removed = 0;
			for (int batch = 0; batch < CLEANUP_MAX_BATCHES; batch++) {
				int count = this.buckets.removeExpired(CLEANUP_BATCH);
				removed += count;
				if (count < CLEANUP_BATCH) {
					break;
				}
			}
			if (removed > 0) {
				log.debug("Removed {} refilled rate-limit buckets", removed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Refilled rate-limit buckets could not be removed; the next run tries again: {}", ex.toString());
		}
	}

	private String bucketId(RateLimit limit, String key) {
		return HexFormat.of().formatHex(this.secrets.hmac("rate-limit", limit + ":" + key.toLowerCase(Locale.ROOT)));
	}

	/** Bucket4j's time is the application's {@link Clock}, a wall clock as its distributed buckets require. */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
