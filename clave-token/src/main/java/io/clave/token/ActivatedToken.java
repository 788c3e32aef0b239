package io.clave.token;

import io.clave.otp.OcraSuite;
import io.clave.otp.Totp;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * What a successful activation gives (docs/token-protocol.md §2, the 201 answer): the token's id and settings and
 * its two secrets. It exists between the server's answer and the moment the PIN seals the secrets.
 */
public record ActivatedToken(
        UUID tokenId,
        String issuer,
        URI server,
        Totp totp,
        OcraSuite signingSuite,
        OcraSuite unlockSuite,
        TokenSecrets secrets) {

    public ActivatedToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(totp, "totp");
        Objects.requireNonNull(signingSuite, "signingSuite");
        Objects.requireNonNull(unlockSuite, "unlockSuite");
        Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public String toString() {
        return "ActivatedToken[" + tokenId + ", issuer=" + issuer + ", " + totp + ", signing=" + signingSuite
                + ", unlock=" + unlockSuite + ", " + secrets + "]";
    }
}
