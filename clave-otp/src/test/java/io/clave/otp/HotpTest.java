package io.clave.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HotpTest {

    @ParameterizedTest(name = "count {0} gives {1}")
    @CsvSource({
        "0, 755224",
        "1, 287082",
        "2, 359152",
        "3, 969429",
        "4, 338314",
        "5, 254676",
        "6, 287922",
        "7, 162583",
        "8, 399871",
        "9, 520489",
    })
    void generatesRfc4226AppendixDValues(long counter, String hotp) {
        assertThat(Hotp.generate(RfcSeeds.KEY20, counter, 6)).isEqualTo(hotp);
    }

    @ParameterizedTest(name = "count {0}: HMAC {1}, truncated {2} = {3}")
    @CsvSource({
        "0, cc93cf18508d94934c64b65d8ba7667fb7cde4b0, 4c93cf18, 1284755224",
        "1, 75a48a19d4cbe100644e8ac1397eea747a2d33ab, 41397eea, 1094287082",
        "2, 0bacb7fa082fef30782211938bc1c5e70416ff44,  82fef30,  137359152",
        "3, 66c28227d03a2d5529262ff016a1e6ef76557ece, 66ef7655, 1726969429",
        "4, a904c900a64b35909874b33e61c5938a8e15ed1c, 61c5938a, 1640338314",
        "5, a37e783d7b7233c083d4f62926c7a25f238d0316, 33c083d4,  868254676",
        "6, bc9cd28561042c83f219324d3c607256c03272ae, 7256c032, 1918287922",
        "7, a4fb960c0bc06e1eabb804e5b397cdc4b45596fa,  4e5b397,   82162583",
        "8, 1b3c89f65e6c9e883012052823443f048b4332db, 2823443f,  673399871",
        "9, 1637409809a679dc698207310c8c7fc07290d9e5, 2679dc69,  645520489",
    })
    void computesRfc4226AppendixDIntermediateValues(
            long counter, String hmac, String truncatedHex, int truncatedDecimal) {
        byte[] mac = HmacAlgorithm.SHA1.mac(RfcSeeds.KEY20, Hotp.bigEndian(counter));

        assertThat(HexFormat.of().formatHex(mac)).isEqualTo(hmac);
        assertThat(Hotp.truncate(mac))
                .isEqualTo(truncatedDecimal)
                .isEqualTo(Integer.parseInt(truncatedHex, 16));
    }

    @ParameterizedTest(name = "count {0} with {1} digits gives {2}")
    @CsvSource({
        "0, 10, 1284755224",
        "2, 10, 0137359152",
        "7, 10, 0082162583",
        "0,  7, 4755224",
        "2,  8, 37359152",
    })
    void keepsMoreDigitsOfTheSameTruncatedValue(long counter, int digits, String hotp) {
        assertThat(Hotp.generate(RfcSeeds.KEY20, counter, digits)).isEqualTo(hotp);
    }

    @Test
    void usesSha1WhenNoAlgorithmIsGiven() {
        assertThat(Hotp.generate(RfcSeeds.KEY20, 5, 6))
                .isEqualTo(Hotp.generate(RfcSeeds.KEY20, 5, 6, HmacAlgorithm.SHA1));
    }

    @Test
    void encodesTheCounterAsEightBytesBigEndian() {
        assertThat(HexFormat.of().formatHex(Hotp.bigEndian(0x0000000027BC86AAL)))
                .isEqualTo("0000000027bc86aa");
        assertThat(HexFormat.of().formatHex(Hotp.bigEndian(Long.MAX_VALUE)))
                .isEqualTo("7fffffffffffffff");
    }

    @ParameterizedTest(name = "{0} digits")
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 4, 5, 11, 12})
    void refusesDigitsOutsideSixToTen(int digits) {
        assertThatThrownBy(() -> Hotp.generate(RfcSeeds.KEY20, 0, digits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits");
    }

    @Test
    void refusesNegativeCounter() {
        assertThatThrownBy(() -> Hotp.generate(RfcSeeds.KEY20, -1, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counter");
    }

    @Test
    void refusesEmptyKey() {
        assertThatThrownBy(() -> Hotp.generate(new byte[0], 0, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
    }

    @Test
    void refusesMissingKeyOrAlgorithm() {
        assertThatThrownBy(() -> Hotp.generate(null, 0, 6)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Hotp.generate(RfcSeeds.KEY20, 0, 6, null))
                .isInstanceOf(NullPointerException.class);
    }
}
