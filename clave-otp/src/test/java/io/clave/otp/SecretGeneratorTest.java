package io.clave.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretGeneratorTest {

    /** Fills every request with 0, 1, 2, ... so that the test sees where the bytes come from. */
    private static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private int calls;

        @Override
        public void nextBytes(byte[] bytes) {
            calls++;
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16, 20, 32, 64, 128})
    void takesTheRequestedNumberOfBytesFromTheGivenRandom(int length) {
        CountingRandom random = new CountingRandom();

        byte[] secret = SecretGenerator.newSecret(random, length);

        assertThat(secret).hasSize(length);
        assertThat(secret[length - 1]).isEqualTo((byte) (length - 1));
        assertThat(random.calls).isEqualTo(1);
    }

    @Test
    void recommendsTheRfc4226Length() {
        assertThat(SecretGenerator.RECOMMENDED_BYTES).isEqualTo(20);
        assertThat(SecretGenerator.newSecret(new SecureRandom(), SecretGenerator.RECOMMENDED_BYTES))
                .hasSize(20);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {-1, 0, 10, 15, 129})
    void refusesLengthsOutside16To128Bytes(int length) {
        assertThatThrownBy(() -> SecretGenerator.newSecret(new CountingRandom(), length))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMissingRandom() {
        assertThatThrownBy(() -> SecretGenerator.newSecret(null, 20)).isInstanceOf(NullPointerException.class);
    }
}
