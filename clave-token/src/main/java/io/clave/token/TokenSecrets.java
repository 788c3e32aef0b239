package io.clave.token;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The two secrets the server sends once: the seed of the codes and the unlock seed.
 *
 * <p>They live in memory only while a code is computed or the vault is re-sealed; {@link #close()} overwrites them.
 * {@link #toString()} never shows them.
 */
public final class TokenSecrets implements AutoCloseable {

    private final byte[] seed;
    private final byte[] unlockSeed;

    public TokenSecrets(byte[] seed, byte[] unlockSeed) {
        this.seed = Objects.requireNonNull(seed, "seed").clone();
        this.unlockSeed = Objects.requireNonNull(unlockSeed, "unlockSeed").clone();
    }

    public byte[] seed() {
        return seed.clone();
    }

    public byte[] unlockSeed() {
        return unlockSeed.clone();
    }

    /** Length-prefixed seed then unlock seed: the plaintext of the vault and of the recovery copy. */
    byte[] toBytes() {
        return ByteBuffer.allocate(8 + seed.length + unlockSeed.length)
                .putInt(seed.length).put(seed)
                .putInt(unlockSeed.length).put(unlockSeed)
                .array();
    }

    static TokenSecrets fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] seed = new byte[buffer.getInt()];
        buffer.get(seed);
        byte[] unlockSeed = new byte[buffer.getInt()];
        buffer.get(unlockSeed);
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("the vault holds more than the two seeds");
        }
        TokenSecrets secrets = new TokenSecrets(seed, unlockSeed);
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(unlockSeed, (byte) 0);
        return secrets;
    }

    @Override
    public void close() {
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(unlockSeed, (byte) 0);
    }

    @Override
    public String toString() {
        return "TokenSecrets[seed=<" + seed.length + " bytes>, unlockSeed=<" + unlockSeed.length + " bytes>]";
    }
}
