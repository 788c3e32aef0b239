package io.clave.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @ParameterizedTest(name = "\"{0}\" vs \"{1}\" is {2}")
    @CsvSource({
        "'',        '',        true",
        "123456,    123456,    true",
        "123456,    123457,    false",
        "123456,    023456,    false",
        "123456,    1234567,   false",
        "123456,    12345,     false",
        "123456,    '',        false",
        "Ñandú,     Ñandú,     true",
        "Ñandú,     Nandu,     false",
    })
    void comparesContent(String a, String b, boolean equal) {
        assertThat(ConstantTime.equals(a, b)).isEqualTo(equal);
        assertThat(ConstantTime.equals(b, a)).isEqualTo(equal);
    }

    @Test
    void comparesAnyCharSequence() {
        assertThat(ConstantTime.equals(new StringBuilder("654321"), "654321")).isTrue();
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> ConstantTime.equals(null, "1")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConstantTime.equals("1", null)).isInstanceOf(NullPointerException.class);
    }
}
