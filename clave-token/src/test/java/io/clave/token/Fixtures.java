package io.clave.token;

import io.clave.otp.OcraSuite;
import io.clave.otp.Totp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/** An activated token with the RFC seeds, so that codes can be checked against published vectors. */
final class Fixtures {

    static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] UNLOCK_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final OcraSuite SIGNING_SUITE = OcraSuite.parse("OCRA-1:HOTP-SHA256-8:QN32-T1M");
    static final OcraSuite UNLOCK_SUITE = OcraSuite.parse("OCRA-1:HOTP-SHA256-8:QN08");
    static final UUID TOKEN_ID = UUID.fromString("0b9f8f5e-2a8c-4c41-9d6e-5b1c7d9e4f21");

    private Fixtures() {
    }

    static ActivatedToken activatedToken() {
        return new ActivatedToken(TOKEN_ID, "Banco Clave", URI.create("http://localhost:8080"), Totp.defaults(),
                SIGNING_SUITE, UNLOCK_SUITE, new TokenSecrets(SEED, UNLOCK_SEED));
    }

    static TokenVault vault() {
        SecureRandom random = new SecureRandom();
        return new TokenVault(new Crypto(random), random);
    }
}
