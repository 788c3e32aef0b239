package io.clave.server.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many attempts each {@link RateLimit} allows. Every limit is a token bucket of {@code capacity} attempts that
 * refills greedily, one attempt every {@code period / capacity}, to full in one {@code period}: a burst of
 * {@code capacity} attempts is allowed, then about {@code capacity} per {@code period}.
 *
 * @param enabled false lets every attempt through without touching the database (true)
 * @param loginPerIp login attempts from one IP address (30 per minute)
 * @param loginPerUsername login attempts for one username (10 per minute; the account lockout still applies)
 * @param recoveryPerIp recovery attempts from one IP address (10 per 10 minutes)
 * @param recoveryPerCedula recovery attempts for one cédula (5 per hour)
 * @param enrollmentPerIp enrollment attempts from one IP address (20 per 10 minutes)
 * @param requestTimeout longest wait for the database on one attempt; after it the attempt is let through (2s)
 * @param cleanupInterval pause between two deletions of buckets that have refilled (5 minutes; read by
 * {@code @Scheduled})
 */
@ConfigurationProperties("clave.rate-limit")
public record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue Limit loginPerIp,
		@DefaultValue Limit loginPerUsername, @DefaultValue Limit recoveryPerIp, @DefaultValue Limit recoveryPerCedula,
		@DefaultValue Limit enrollmentPerIp, @DefaultValue("2s") Duration requestTimeout,
		@DefaultValue("5m") Duration cleanupInterval) {

	public RateLimitSettings {
		loginPerIp = loginPerIp.orDefault(30, Duration.ofMinutes(1));
		loginPerUsername = loginPerUsername.orDefault(10, Duration.ofMinutes(1));
		recoveryPerIp = recoveryPerIp.orDefault(10, Duration.ofMinutes(10));
		recoveryPerCedula = recoveryPerCedula.orDefault(5, Duration.ofHours(1));
		enrollmentPerIp = enrollmentPerIp.orDefault(20, Duration.ofMinutes(10));
		if (requestTimeout.toMillis() < 1) {
			throw new IllegalArgumentException("clave.rate-limit.request-timeout must be positive");
		}
	}

	/** The settings of one limit. */
	public Limit of(RateLimit limit) {
		return switch (limit) {
			case LOGIN_PER_IP -> this.loginPerIp;
			case LOGIN_PER_USERNAME -> this.loginPerUsername;
			case RECOVERY_PER_IP -> this.recoveryPerIp;
			case RECOVERY_PER_CEDULA -> this.recoveryPerCedula;
			case ENROLLMENT_PER_IP -> this.enrollmentPerIp;
		};
	}

	/**
	 * One limit: {@code capacity} attempts per {@code period}. A capacity of 0 or a zero period stands for "not
	 * set" and takes the limit's default.
	 *
	 * @param capacity attempts allowed in a burst, and per period
	 * @param period time in which an exhausted bucket refills completely
	 */
	public record Limit(@DefaultValue("0") long capacity, @DefaultValue("0s") Duration period) {

		public Limit {
			if (capacity < 0 || period.isNegative()) {
				throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
			}
		}

		Limit orDefault(long defaultCapacity, Duration defaultPeriod) {
			return new Limit(this.capacity == 0 ? defaultCapacity : this.capacity,
					this.period.isZero() ? defaultPeriod : this.period);
		}

	}

}
