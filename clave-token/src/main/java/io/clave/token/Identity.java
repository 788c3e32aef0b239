package io.clave.token;

import io.clave.otp.OcraSuite;
import io.clave.otp.Totp;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One activated token as the app stores it: what it is called, how its codes are computed, and its secrets sealed
 * (docs/token-protocol.md §4). Nothing here is a secret in the clear; {@code vault} and {@code recovery} are
 * AES-GCM ciphertexts, and {@link #toString()} leaves them out anyway.
 *
 * @param name the person's name for the identity (e.g. PRODUBANCO), unique in a store
 * @param challenge the 8-digit unlock challenge, in the clear, shown when the app is locked
 * @param wrongPins consecutive wrong PINs; at {@link #MAX_WRONG_PINS} the identity is locked
 */
public record Identity(
        String name,
        String issuer,
        URI server,
        UUID tokenId,
        Totp totp,
        OcraSuite signingSuite,
        OcraSuite unlockSuite,
        byte[] installSalt,
        byte[] vault,
        String challenge,
        byte[] recovery,
        int wrongPins) {

    public static final int MAX_WRONG_PINS = 3;

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,39}");

    public Identity {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("an identity's name has 1 to 40 letters, digits, spaces, '.', '_' or '-'"
                    + " and starts with a letter or digit");
        }
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(totp, "totp");
        Objects.requireNonNull(signingSuite, "signingSuite");
        Objects.requireNonNull(unlockSuite, "unlockSuite");
        Objects.requireNonNull(installSalt, "installSalt");
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(recovery, "recovery");
        if (challenge == null || !challenge.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("the unlock challenge has 8 digits");
        }
        if (wrongPins < 0 || wrongPins > MAX_WRONG_PINS) {
            throw new IllegalArgumentException("wrongPins must be 0 to " + MAX_WRONG_PINS + ": " + wrongPins);
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && name.equals(name.strip());
    }

    public boolean locked() {
        return wrongPins >= MAX_WRONG_PINS;
    }

    public int pinsLeft() {
        return MAX_WRONG_PINS - wrongPins;
    }

    public Identity withWrongPins(int wrongPins) {
        return new Identity(name, issuer, server, tokenId, totp, signingSuite, unlockSuite, installSalt, vault,
                challenge, recovery, wrongPins);
    }

    public Identity withName(String name) {
        return new Identity(name, issuer, server, tokenId, totp, signingSuite, unlockSuite, installSalt, vault,
                challenge, recovery, wrongPins);
    }

    /** The same identity with a new vault, challenge and recovery copy, unlocked. */
    Identity resealed(byte[] vault, String challenge, byte[] recovery) {
        return new Identity(name, issuer, server, tokenId, totp, signingSuite, unlockSuite, installSalt, vault,
                challenge, recovery, 0);
    }

    @Override
    public String toString() {
        return "Identity[" + name + ", issuer=" + issuer + ", tokenId=" + tokenId + ", wrongPins=" + wrongPins + "]";
    }
}
