package io.clave.token;

import io.clave.otp.ConstantTime;
import io.clave.otp.Ocra;
import io.clave.otp.OcraInput;
import io.clave.otp.OcraSuite;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals a token's secrets under the PIN (the vault) and under the unlock code (the recovery copy), and opens them
 * again (docs/token-protocol.md §4). It does no I/O and keeps no count: {@link Tokens} does.
 *
 * <p>The token id is the associated data of both ciphertexts, so a vault copied into another identity's file does not
 * open there.
 */
public final class TokenVault {

    public static final int INSTALL_SALT_BYTES = 16;

    private final Crypto crypto;
    private final SecureRandom random;

    public TokenVault(Crypto crypto, SecureRandom random) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new identity for an activated token, with a fresh per-install salt, sealed under {@code pin}. */
    public Identity create(String name, ActivatedToken token, String pin) {
        byte[] installSalt = crypto.randomBytes(INSTALL_SALT_BYTES);
        Identity unsealed = new Identity(name, token.issuer(), token.server(), token.tokenId(), token.totp(),
                token.signingSuite(), token.unlockSuite(), installSalt, new byte[0], "00000000", new byte[0], 0);
        return reseal(unsealed, token.secrets(), pin);
    }

    /** The identity with a new vault under {@code pin}, a new challenge and recovery copy, and no wrong PINs. */
    public Identity reseal(Identity identity, TokenSecrets secrets, String pin) {
        byte[] plaintext = secrets.toBytes();
        try {
            byte[] vault = crypto.seal(pin, identity.installSalt(), plaintext, vaultData(identity));
            String challenge = newChallenge();
            String unlockCode = unlockCode(identity.unlockSuite(), secrets, challenge);
            byte[] recovery = crypto.seal(unlockCode, recoverySalt(identity, challenge), plaintext,
                    recoveryData(identity));
            return identity.resealed(vault, challenge, recovery);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The secrets, or empty when {@code pin} is not the PIN that sealed the vault. */
    public Optional<TokenSecrets> openWithPin(Identity identity, String pin) {
        return crypto.open(pin, identity.installSalt(), identity.vault(), vaultData(identity))
                .map(TokenVault::secretsWiping);
    }

    /**
     * The secrets, or empty when {@code unlockCode} is not OCRA(unlockSuite, unlockSeed, challenge). The recovery copy
     * only opens with the right code; the code is then compared once more, in constant time, with the one the
     * unlock seed gives.
     */
    public Optional<TokenSecrets> openWithUnlockCode(Identity identity, String unlockCode) {
        Optional<TokenSecrets> secrets = crypto.open(unlockCode, recoverySalt(identity, identity.challenge()),
                identity.recovery(), recoveryData(identity)).map(TokenVault::secretsWiping);
        if (secrets.isPresent()
                && !ConstantTime.equals(unlockCode(identity.unlockSuite(), secrets.get(), identity.challenge()),
                        unlockCode)) {
            secrets.get().close();
            return Optional.empty();
        }
        return secrets;
    }

    static String unlockCode(OcraSuite unlockSuite, TokenSecrets secrets, String challenge) {
        byte[] unlockSeed = secrets.unlockSeed();
        try {
            return Ocra.generate(unlockSuite, unlockSeed, OcraInput.builder(challenge).build());
        } finally {
            Arrays.fill(unlockSeed, (byte) 0);
        }
    }

    private String newChallenge() {
        return String.format("%08d", random.nextInt(100_000_000));
    }

    private static TokenSecrets secretsWiping(byte[] plaintext) {
        try {
            return TokenSecrets.fromBytes(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] recoverySalt(Identity identity, String challenge) {
        byte[] challengeBytes = challenge.getBytes(StandardCharsets.US_ASCII);
        byte[] salt = Arrays.copyOf(identity.installSalt(), identity.installSalt().length + challengeBytes.length);
        System.arraycopy(challengeBytes, 0, salt, identity.installSalt().length, challengeBytes.length);
        return salt;
    }

    private static byte[] vaultData(Identity identity) {
        return ("clave-token vault " + identity.tokenId()).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] recoveryData(Identity identity) {
        return ("clave-token recovery " + identity.tokenId()).getBytes(StandardCharsets.US_ASCII);
    }
}
