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
 * @param seedKeys the seed key ring, newest first, each {@code id:base64-of-32-bytes}, or the bare word
 * {@code master} for the key derived from the master key; empty: that derived key alone (id {@code master}). Rotate
 * by putting a new key first and keeping the old ones until {@link SoftTokens#resealSeeds} has run.
 * @param app the app new tokens are activated for: the bank's Token digital ({@code CLAVE_TOKEN}, the default) or a
 * standard authenticator app ({@code STANDARD_AUTHENTICATOR}); tokens already in use keep the kind they were
 * activated for
 * @param resealInterval pause between two runs of the job that reseals seeds still under an older key (1 hour; read
 * by {@code @Scheduled})
 */
@ConfigurationProperties("clave.softtoken")
public record SoftTokenSettings(@DefaultValue("5m") Duration activationLifetime,
		@DefaultValue("3") int activationCodeTries, @DefaultValue("1") int window, @DefaultValue("5") int maxWrongCodes,
		@DefaultValue({}) List<String> seedKeys, @DefaultValue("CLAVE_TOKEN") TokenApp app,
		@DefaultValue("1h") Duration resealInterval) {
}
