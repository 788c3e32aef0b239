package io.clave.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
    @CsvSource({
        "'',     ''",
        "f,      MY======",
        "fo,     MZXQ====",
        "foo,    MZXW6===",
        "foob,   MZXW6YQ=",
        "fooba,  MZXW6YTB",
        "foobar, MZXW6YTBOI======",
    })
    void encodesAndDecodesRfc4648Section10Vectors(String text, String base32) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        String unpadded = base32.replace("=", "");

        assertThat(Base32.encode(bytes)).isEqualTo(base32);
        assertThat(Base32.encodeWithoutPadding(bytes)).isEqualTo(unpadded);
        assertThat(Base32.decode(base32)).isEqualTo(bytes);
        assertThat(Base32.decode(unpadded)).isEqualTo(bytes);
        assertThat(Base32.decode(base32.toLowerCase())).isEqualTo(bytes);
    }

    @Test
    void decodesTheKeyUriFormatExampleSecret() {
        byte[] expected = {'H', 'e', 'l', 'l', 'o', '!', (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};

        assertThat(Base32.decode("JBSWY3DPEHPK3PXP")).isEqualTo(expected);
        assertThat(Base32.encodeWithoutPadding(expected)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void roundTripsEveryLength(int length) {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);

        assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
        assertThat(Base32.decode(Base32.encodeWithoutPadding(data))).isEqualTo(data);
        assertThat(Base32.encode(data)).hasSize((length + 4) / 5 * 8);
    }

    static IntStream lengths() {
        return IntStream.rangeClosed(0, 41);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "M", "MZX", "MZXW6Y", "MZXW6YTBO",
        "MY=", "MY=====", "MY=======", "MZXW6YTB========", "=", "========",
        "M=Y=====", "MY======MY======",
        "MZXW6YT1", "MZXW6YT8", "MZXW 6YTB", "MZXW6YTB\n", "MZXW6YTÉ", "MZXW-YTB",
        "MZ", "MZXR", "MZXW7", "MZXW6YR",
    })
    void refusesTextThatIsNotCanonicalBase32(String text) {
        assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Base32.decode(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Base32.encode(null)).isInstanceOf(NullPointerException.class);
    }
}
