package io.clave.server.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What an auditor looks for; every part is optional.
 *
 * @param person a whole subject ({@code user:<uuid>}, {@code company-user:<uuid>}, {@code operator:<uuid>}...),
 * matched exactly, or any other text, matched anywhere in the subject (case-insensitive)
 * @param type an event type, e.g. {@code LOGIN}
 * @param from the first moment included
 * @param until the first moment excluded
 * @param outcome success or failure
 */
public record AuditQuery(@Nullable String person, @Nullable String type, @Nullable Instant from,
		@Nullable Instant until, @Nullable Outcome outcome) {

	public static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null, null);

}
