package io.clave.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.Mac;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HmacAlgorithmTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"SHA1, HmacSHA1, 20", "sha256, HmacSHA256, 32", "Sha512, HmacSHA512, 64"})
    void parsesOtpauthAndOcraNamesIgnoringCase(String name, String jcaName, int length) {
        HmacAlgorithm algorithm = HmacAlgorithm.fromName(name);

        assertThat(algorithm.jcaName()).isEqualTo(jcaName);
        assertThat(algorithm.outputLength()).isEqualTo(length);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HmacAlgorithm.class)
    void isAvailableInThisRuntimeWithTheStatedLength(HmacAlgorithm algorithm) throws Exception {
        assertThat(Mac.getInstance(algorithm.jcaName()).getMacLength()).isEqualTo(algorithm.outputLength());
        assertThat(algorithm.mac(new byte[] {1}, new byte[0])).hasSize(algorithm.outputLength());
        assertThat(algorithm.digest(new byte[0])).hasSize(algorithm.outputLength());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "MD5", "SHA-1", "HmacSHA1", "SHA384", "SHA 1"})
    void refusesOtherNames(String name) {
        assertThatThrownBy(() -> HmacAlgorithm.fromName(name)).isInstanceOf(IllegalArgumentException.class);
    }
}
