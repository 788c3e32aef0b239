package io.clave.server.softtoken;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the Token digital.
 *
 * @param activationLifetime validity of an activation (its QR and its SMS code), 5 minutes
 * @param activationCodeTries wrong activation codes after which the activation is dead (3)
 * @param window TOTP steps accepted either side of the server's clock (1: ±30 s)
 * @param maxWrongCodes consecutive wrong codes that lock the token on the server (5)
 * @param seedKeys the seed key ring, newest first, each {@code id:base64-of-32-bytes}; empty: one key derived from
 * the master key (id {@code master}). Rotate by putting a new key first and keeping the old ones until
 * {@link SoftTokens#resealSeeds} has run.
 */
@ConfigurationProperties("clave.softtoken")
public record SoftTokenSettings(@DefaultValue("5m") Duration activationLifetime,
		@DefaultValue("3") int activationCodeTries, @DefaultValue("1") int window, @DefaultValue("5") int maxWrongCodes,
		@DefaultValue({}) List<String> seedKeys) {
}
