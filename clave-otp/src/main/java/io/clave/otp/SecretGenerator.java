package io.clave.otp;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * New shared secrets for HOTP, TOTP and OCRA credentials.
 *
 * <p>The {@link SecureRandom} is passed in rather than created here, so that the caller decides
 * on the source (a platform default, a DRBG, an HSM-backed provider) and tests can make it
 * deterministic. RFC 4226 §4 requires at least 128 bits and recommends 160, which is also what
 * authenticator apps handle most reliably; longer keys suit SHA-256 and SHA-512.
 */
public final class SecretGenerator {

    public static final int MIN_BYTES = 16;
    public static final int RECOMMENDED_BYTES = 20;
    public static final int MAX_BYTES = 128;

    private SecretGenerator() {
    }

    /**
     * @param bytes 16 to 128
     * @throws IllegalArgumentException if {@code bytes} is outside that range
     */
    public static byte[] newSecret(SecureRandom random, int bytes) {
        Objects.requireNonNull(random, "random");
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "a secret must have between " + MIN_BYTES + " and " + MAX_BYTES + " bytes: " + bytes);
        }
        byte[] secret = new byte[bytes];
        random.nextBytes(secret);
        return secret;
    }
}
