/**
 * Attempt limits (per IP address, per username, per cédula) that several server instances share: token buckets
 * (Bucket4j) kept in PostgreSQL, keyed by an HMAC of the limited value. Callers ask {@link RateLimits#tryConsume}
 * before the work a limit protects and answer a refusal with its {@link RateDecision#retryAfter()}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets" })
package io.clave.server.ratelimit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
