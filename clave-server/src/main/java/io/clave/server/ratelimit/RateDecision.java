package io.clave.server.ratelimit;

import java.time.Duration;

/**
 * The answer to one attempt.
 *
 * @param allowed whether the attempt may go ahead
 * @param retryAfter when refused, how long until the next attempt would be allowed: a whole number of seconds, at
 * least one (rounded up), ready for a {@code Retry-After} header; {@link Duration#ZERO} when allowed
 */
public record RateDecision(boolean allowed, Duration retryAfter) {

	private static final RateDecision ALLOWED = new RateDecision(true, Duration.ZERO);

	public RateDecision {
		if (allowed && !retryAfter.isZero()) {
			throw new IllegalArgumentException("an allowed attempt has no retry-after");
		}
		if (!allowed && (retryAfter.compareTo(Duration.ofSeconds(1)) < 0 || retryAfter.getNano() != 0)) {
			throw new IllegalArgumentException("a refusal's retry-after is a positive whole number of seconds");
		}
	}

	public static RateDecision allow() {
		return ALLOWED;
	}

	/** A refusal; the wait is rounded up to whole seconds, at least one. */
	public static RateDecision refuse(Duration wait) {
		long seconds = Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
		return new RateDecision(false, Duration.ofSeconds(seconds));
	}

	/** The value of a {@code Retry-After} header: whole seconds (0 when allowed). */
	public long retryAfterSeconds() {
		return this.retryAfter.getSeconds();
	}

}
