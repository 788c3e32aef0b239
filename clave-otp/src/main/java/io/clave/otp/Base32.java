package io.clave.otp;

import java.util.Objects;

/**
 * Base32 with the RFC 4648 §6 alphabet.
 *
 * <p>Authenticator apps receive TOTP secrets as Base32 in otpauth URIs, and the JDK has no
 * Base32 codec. The Key Uri Format says padding should be omitted, so {@link #decode} accepts a
 * string with or without it, in either case. Decoding is otherwise strict: a character outside
 * the alphabet, a length no encoder can produce, or non-zero bits after the last byte are refused,
 * so one secret has exactly one spelling.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
            VALUES[Character.toLowerCase(ALPHABET[i])] = i;
        }
    }

    private Base32() {
    }

    /** Upper case, padded with {@code =} to a multiple of 8 characters, as RFC 4648 shows it. */
    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder(encodeWithoutPadding(data));
        while (out.length() % 8 != 0) {
            out.append('=');
        }
        return out.toString();
    }

    /** Upper case without padding, the form otpauth URIs use. */
    public static String encodeWithoutPadding(byte[] data) {
        Objects.requireNonNull(data, "data");
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(ALPHABET[(buffer >>> bits) & 0x1f]);
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 0x1f]);
        }
        return out.toString();
    }

    /**
     * Decodes upper or lower case, padded or not.
     *
     * @throws IllegalArgumentException if the text is not canonical Base32
     */
    public static byte[] decode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int length = text.length();
        int dataLength = length;
        while (dataLength > 0 && text.charAt(dataLength - 1) == '=') {
            dataLength--;
        }
        if (dataLength != length && length % 8 != 0) {
            throw new IllegalArgumentException("padded Base32 must be a multiple of 8 characters");
        }
        int remainder = dataLength % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("no Base32 encoding has " + dataLength + " characters");
        }
        if (length - dataLength >= 8) {
            throw new IllegalArgumentException("Base32 padding is longer than a block");
        }
        byte[] out = new byte[dataLength * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < dataLength; i++) {
            char c = text.charAt(i);
            int value = c < VALUES.length ? VALUES[c] : -1;
            if (value < 0) {
                throw new IllegalArgumentException("not a Base32 character at index " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >>> bits);
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("Base32 text has non-zero bits after the last byte");
        }
        return out;
    }
}
