package io.clave.otp;

import java.util.Objects;

/**
 * HOTP, the counter-based one-time password of RFC 4226.
 *
 * <p>It is the primitive under both {@link Totp} (where the counter is a time step) and, through
 * the same truncation, {@link Ocra}. It is kept as pure functions of key, counter and length so
 * that the server and an embedded client compute codes the same way and can be tested against
 * the RFC's Appendix D without any clock or state.
 *
 * <p>Codes are 6 to 10 digits. RFC 4226 asks for at least 6; the 31-bit value that dynamic
 * truncation yields has 10 decimal digits, so a longer code would only add leading zeros.
 */
public final class Hotp {

    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 10;

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L, 10_000_000_000L
    };

    private Hotp() {
    }

    /** The HOTP value with HMAC-SHA-1, as RFC 4226 defines it. */
    public static String generate(byte[] key, long counter, int digits) {
        return generate(key, counter, digits, HmacAlgorithm.SHA1);
    }

    /**
     * The HOTP value with the given HMAC, as RFC 6238 generalises it.
     *
     * @param key the shared secret, not empty
     * @param counter the moving factor, not negative
     * @param digits 6 to 10
     * @throws IllegalArgumentException if an argument is outside those bounds
     */
    public static String generate(byte[] key, long counter, int digits, HmacAlgorithm algorithm) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        if (counter < 0) {
            throw new IllegalArgumentException("counter must not be negative: " + counter);
        }
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "digits must be between " + MIN_DIGITS + " and " + MAX_DIGITS + ": " + digits);
        }
        return format(truncate(algorithm.mac(key, bigEndian(counter))), digits);
    }

    /** Dynamic truncation, RFC 4226 §5.3: the 31-bit number at the offset the last nibble gives. */
    static int truncate(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0x0f;
        return (hmac[offset] & 0x7f) << 24
                | (hmac[offset + 1] & 0xff) << 16
                | (hmac[offset + 2] & 0xff) << 8
                | (hmac[offset + 3] & 0xff);
    }

    static String format(int truncated, int digits) {
        long value = truncated % POWERS_OF_TEN[digits];
        char[] code = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            code[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(code);
    }

    static byte[] bigEndian(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }
}
