package io.clave.server.corporate;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the current step of a corporate login shows.
 *
 * @param maskedMobile / maskedEmail where the clave temporal went
 * @param keyExpiresAt when the key sent expires, if one can still be entered
 * @param nextKeyAt when a new key may be asked for; null when no more may
 */
public record CorporateLoginView(CorporateLoginStep step, String maskedMobile, String maskedEmail,
		@Nullable Instant keyExpiresAt, @Nullable Instant nextKeyAt) {
}
