package io.clave.otp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Comparison of submitted codes with expected codes.
 *
 * <p>{@code String.equals} returns at the first differing character, so its running time tells an
 * attacker how many leading digits were right. This comparison delegates to
 * {@link MessageDigest#isEqual(byte[], byte[])}, which inspects every byte. Only the length may
 * leak, and the length of a code is public.
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** Whether both sequences hold the same characters, without an early exit on content. */
    public static boolean equals(CharSequence a, CharSequence b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return MessageDigest.isEqual(
                a.toString().getBytes(StandardCharsets.UTF_8),
                b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
