package io.clave.server.login;

import io.clave.server.identity.SecurityImage;
import org.jspecify.annotations.Nullable;

/**
 * What the current step of a login shows.
 *
 * @param image the customer's security image (a decoy for an unknown username)
 * @param challenge the second factor asked, at that step
 * @param maskedMobile where the clave temporal went, at that step
 */
public record LoginView(LoginStep step, SecurityImage image, String phrase, @Nullable SecondFactorChallenge challenge,
		@Nullable String maskedMobile) {
}
