package io.clave.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clave.otp.OcraSuite.QuestionFormat;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OcraSuiteTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        OCRA-1:HOTP-SHA1-6:QN08           | SHA1   | 6  | false | NUMERIC      | 8  |        | 0   | 0
        OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | SHA256 | 8  | true  | NUMERIC      | 8  | SHA1   | 0   | 0
        OCRA-1:HOTP-SHA256-8:QN08-PSHA1   | SHA256 | 8  | false | NUMERIC      | 8  | SHA1   | 0   | 0
        OCRA-1:HOTP-SHA512-8:C-QN08       | SHA512 | 8  | true  | NUMERIC      | 8  |        | 0   | 0
        OCRA-1:HOTP-SHA512-8:QN08-T1M     | SHA512 | 8  | false | NUMERIC      | 8  |        | 0   | 60
        OCRA-1:HOTP-SHA256-8:QA08         | SHA256 | 8  | false | ALPHANUMERIC | 8  |        | 0   | 0
        OCRA-1:HOTP-SHA512-8:QA08-PSHA1   | SHA512 | 8  | false | ALPHANUMERIC | 8  | SHA1   | 0   | 0
        OCRA-1:HOTP-SHA512-8:QA10-T1M     | SHA512 | 8  | false | ALPHANUMERIC | 10 |        | 0   | 60
        OCRA-1:HOTP-SHA1-6:QH40-S064      | SHA1   | 6  | false | HEX          | 40 |        | 64  | 0
        OCRA-1:HOTP-SHA1-4:QH04-S512      | SHA1   | 4  | false | HEX          | 4  |        | 512 | 0
        OCRA-1:HOTP-SHA1-10:C-QA64-PSHA512-S001-T48H | SHA1 | 10 | true | ALPHANUMERIC | 64 | SHA512 | 1 | 172800
        OCRA-1:HOTP-SHA256-6:QN04-PSHA256-T59S | SHA256 | 6 | false | NUMERIC   | 4  | SHA256 | 0   | 59
        """)
    void parsesEverySuiteElement(String text, HmacAlgorithm algorithm, int digits, boolean counter,
            QuestionFormat format, int questionLength, HmacAlgorithm passwordHash, int sessionLength,
            long timeStepSeconds) {
        OcraSuite suite = OcraSuite.parse(text);

        assertThat(suite.algorithm()).isEqualTo(algorithm);
        assertThat(suite.digits()).isEqualTo(digits);
        assertThat(suite.usesCounter()).isEqualTo(counter);
        assertThat(suite.questionFormat()).isEqualTo(format);
        assertThat(suite.questionLength()).isEqualTo(questionLength);
        assertThat(suite.passwordHash()).isEqualTo(java.util.Optional.ofNullable(passwordHash));
        assertThat(suite.sessionLength())
                .isEqualTo(sessionLength == 0 ? OptionalInt.empty() : OptionalInt.of(sessionLength));
        assertThat(suite.timeStepSeconds())
                .isEqualTo(timeStepSeconds == 0 ? OptionalLong.empty() : OptionalLong.of(timeStepSeconds));
        assertThat(suite).hasToString(text);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "",
        "OCRA-1",
        "OCRA-2:HOTP-SHA1-6:QN08",
        "ocra-1:hotp-sha1-6:qn08",
        "OCRA-1:HOTP-SHA1-6",
        "OCRA-1:HOTP-SHA1-6:QN08:",
        "OCRA-1:TOTP-SHA1-6:QN08",
        "OCRA-1:HOTP-MD5-6:QN08",
        "OCRA-1:HOTP-SHA384-6:QN08",
        "OCRA-1:HOTP-SHA1:QN08",
        "OCRA-1:HOTP-SHA1-0:QN08",
        "OCRA-1:HOTP-SHA1-3:QN08",
        "OCRA-1:HOTP-SHA1-11:QN08",
        "OCRA-1:HOTP-SHA1-6:",
        "OCRA-1:HOTP-SHA1-6:C",
        "OCRA-1:HOTP-SHA1-6:C-PSHA1",
        "OCRA-1:HOTP-SHA1-6:QX08",
        "OCRA-1:HOTP-SHA1-6:QN8",
        "OCRA-1:HOTP-SHA1-6:QN03",
        "OCRA-1:HOTP-SHA1-6:QN65",
        "OCRA-1:HOTP-SHA1-6:QN08-C",
        "OCRA-1:HOTP-SHA1-6:QN08-PMD5",
        "OCRA-1:HOTP-SHA1-6:QN08-S64",
        "OCRA-1:HOTP-SHA1-6:QN08-S000",
        "OCRA-1:HOTP-SHA1-6:QN08-S513",
        "OCRA-1:HOTP-SHA1-6:QN08-T0M",
        "OCRA-1:HOTP-SHA1-6:QN08-T60S",
        "OCRA-1:HOTP-SHA1-6:QN08-T60M",
        "OCRA-1:HOTP-SHA1-6:QN08-T49H",
        "OCRA-1:HOTP-SHA1-6:QN08-T1D",
        "OCRA-1:HOTP-SHA1-6:QN08-TM",
        "OCRA-1:HOTP-SHA1-6:QN08-T1M-PSHA1",
        "OCRA-1:HOTP-SHA1-6:QN08-S064-PSHA1",
        "OCRA-1:HOTP-SHA1-6:QN08-PSHA1-PSHA1",
        "OCRA-1:HOTP-SHA1-6:QN08-",
        "OCRA-1:HOTP-SHA1-6:C-C-QN08",
    })
    void refusesMalformedSuites(String text) {
        assertThatThrownBy(() -> OcraSuite.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid OCRA suite");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> OcraSuite.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void comparesSuitesByTheirText() {
        assertThat(OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08"))
                .isEqualTo(OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08"))
                .hasSameHashCodeAs(OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08"))
                .isNotEqualTo(OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN10"));
    }
}
