package io.clave.otp;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three SHA variants that HOTP, TOTP and OCRA allow.
 *
 * <p>One enum serves both uses the RFCs make of SHA: the HMAC behind every code, and the plain
 * digest OCRA applies to a PIN ({@code PSHA1} and friends). The names ({@code SHA1},
 * {@code SHA256}, {@code SHA512}) are the spellings of the otpauth {@code algorithm} parameter
 * and of OCRA suite strings, so {@link #fromName(String)} parses both.
 *
 * <p>Only algorithms every Java and Android runtime ships are listed, which is why the module
 * needs no provider and no dependency.
 */
public enum HmacAlgorithm {
    SHA1("HmacSHA1", "SHA-1", 20),
    SHA256("HmacSHA256", "SHA-256", 32),
    SHA512("HmacSHA512", "SHA-512", 64);

    private final String jcaName;
    private final String digestName;
    private final int outputLength;

    HmacAlgorithm(String jcaName, String digestName, int outputLength) {
        this.jcaName = jcaName;
        this.digestName = digestName;
        this.outputLength = outputLength;
    }

    /** The JCA name of the MAC, e.g. {@code HmacSHA1}. */
    public String jcaName() {
        return jcaName;
    }

    /** The length in bytes of both the MAC and the digest. */
    public int outputLength() {
        return outputLength;
    }

    /**
     * Parses {@code SHA1}, {@code SHA256} or {@code SHA512}, ignoring case.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static HmacAlgorithm fromName(String name) {
        Objects.requireNonNull(name, "name");
        String upper = name.toUpperCase(Locale.ROOT);
        for (HmacAlgorithm algorithm : values()) {
            if (algorithm.name().equals(upper)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unsupported algorithm: " + name);
    }

    byte[] mac(byte[] key, byte[] message) {
        if (key.length == 0) {
            throw new IllegalArgumentException("key must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(jcaName);
            mac.init(new SecretKeySpec(key, jcaName));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(jcaName + " is not available in this runtime", e);
        }
    }

    byte[] digest(byte[] message) {
        try {
            return MessageDigest.getInstance(digestName).digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digestName + " is not available in this runtime", e);
        }
    }
}
