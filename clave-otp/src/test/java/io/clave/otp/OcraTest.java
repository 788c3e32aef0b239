package io.clave.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OcraTest {

    private static final String PIN = "1234";
    private static final long RFC_TIMESTAMP = 0x132d0b6L;

    @ParameterizedTest(name = "{0} {1} key{2} C={3} Q={4} P={5} T={6} gives {7}")
    @CsvSource(delimiter = '|', textBlock = """
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 00000000         |      |         | 237653
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 11111111         |      |         | 243178
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 22222222         |      |         | 653583
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 33333333         |      |         | 740991
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 44444444         |      |         | 608993
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 55555555         |      |         | 388898
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 66666666         |      |         | 816933
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 77777777         |      |         | 224598
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 88888888         |      |         | 750600
        C.1 | OCRA-1:HOTP-SHA1-6:QN08           | 20 |   | 99999999         |      |         | 294470
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 0 | 12345678         | 1234 |         | 65347737
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 1 | 12345678         | 1234 |         | 86775851
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 2 | 12345678         | 1234 |         | 78192410
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 3 | 12345678         | 1234 |         | 71565254
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 4 | 12345678         | 1234 |         | 10104329
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 5 | 12345678         | 1234 |         | 65983500
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 6 | 12345678         | 1234 |         | 70069104
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 7 | 12345678         | 1234 |         | 91771096
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 8 | 12345678         | 1234 |         | 75011558
        C.1 | OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 | 32 | 9 | 12345678         | 1234 |         | 08522129
        C.1 | OCRA-1:HOTP-SHA256-8:QN08-PSHA1   | 32 |   | 00000000         | 1234 |         | 83238735
        C.1 | OCRA-1:HOTP-SHA256-8:QN08-PSHA1   | 32 |   | 11111111         | 1234 |         | 01501458
        C.1 | OCRA-1:HOTP-SHA256-8:QN08-PSHA1   | 32 |   | 22222222         | 1234 |         | 17957585
        C.1 | OCRA-1:HOTP-SHA256-8:QN08-PSHA1   | 32 |   | 33333333         | 1234 |         | 86776967
        C.1 | OCRA-1:HOTP-SHA256-8:QN08-PSHA1   | 32 |   | 44444444         | 1234 |         | 86807031
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 0 | 00000000         |      |         | 07016083
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 1 | 11111111         |      |         | 63947962
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 2 | 22222222         |      |         | 70123924
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 3 | 33333333         |      |         | 25341727
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 4 | 44444444         |      |         | 33203315
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 5 | 55555555         |      |         | 34205738
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 6 | 66666666         |      |         | 44343969
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 7 | 77777777         |      |         | 51946085
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 8 | 88888888         |      |         | 20403879
        C.1 | OCRA-1:HOTP-SHA512-8:C-QN08       | 64 | 9 | 99999999         |      |         | 31409299
        C.1 | OCRA-1:HOTP-SHA512-8:QN08-T1M     | 64 |   | 00000000         |      | 132d0b6 | 95209754
        C.1 | OCRA-1:HOTP-SHA512-8:QN08-T1M     | 64 |   | 11111111         |      | 132d0b6 | 55907591
        C.1 | OCRA-1:HOTP-SHA512-8:QN08-T1M     | 64 |   | 22222222         |      | 132d0b6 | 22048402
        C.1 | OCRA-1:HOTP-SHA512-8:QN08-T1M     | 64 |   | 33333333         |      | 132d0b6 | 24218844
        C.1 | OCRA-1:HOTP-SHA512-8:QN08-T1M     | 64 |   | 44444444         |      | 132d0b6 | 36209546
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | CLI22220SRV11110 |      |         | 28247970
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | CLI22221SRV11111 |      |         | 01984843
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | CLI22222SRV11112 |      |         | 65387857
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | CLI22223SRV11113 |      |         | 03351211
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | CLI22224SRV11114 |      |         | 83412541
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SRV11110CLI22220 |      |         | 15510767
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SRV11111CLI22221 |      |         | 90175646
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SRV11112CLI22222 |      |         | 33777207
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SRV11113CLI22223 |      |         | 95285278
        C.2 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SRV11114CLI22224 |      |         | 28934924
        C.2 | OCRA-1:HOTP-SHA512-8:QA08         | 64 |   | CLI22220SRV11110 |      |         | 79496648
        C.2 | OCRA-1:HOTP-SHA512-8:QA08         | 64 |   | CLI22221SRV11111 |      |         | 76831980
        C.2 | OCRA-1:HOTP-SHA512-8:QA08         | 64 |   | CLI22222SRV11112 |      |         | 12250499
        C.2 | OCRA-1:HOTP-SHA512-8:QA08         | 64 |   | CLI22223SRV11113 |      |         | 90856481
        C.2 | OCRA-1:HOTP-SHA512-8:QA08         | 64 |   | CLI22224SRV11114 |      |         | 12761449
        C.2 | OCRA-1:HOTP-SHA512-8:QA08-PSHA1   | 64 |   | SRV11110CLI22220 | 1234 |         | 18806276
        C.2 | OCRA-1:HOTP-SHA512-8:QA08-PSHA1   | 64 |   | SRV11111CLI22221 | 1234 |         | 70020315
        C.2 | OCRA-1:HOTP-SHA512-8:QA08-PSHA1   | 64 |   | SRV11112CLI22222 | 1234 |         | 01600026
        C.2 | OCRA-1:HOTP-SHA512-8:QA08-PSHA1   | 64 |   | SRV11113CLI22223 | 1234 |         | 18951020
        C.2 | OCRA-1:HOTP-SHA512-8:QA08-PSHA1   | 64 |   | SRV11114CLI22224 | 1234 |         | 32528969
        C.3 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SIG10000         |      |         | 53095496
        C.3 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SIG11000         |      |         | 04110475
        C.3 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SIG12000         |      |         | 31331128
        C.3 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SIG13000         |      |         | 76028668
        C.3 | OCRA-1:HOTP-SHA256-8:QA08         | 32 |   | SIG14000         |      |         | 46554205
        C.3 | OCRA-1:HOTP-SHA512-8:QA10-T1M     | 64 |   | SIG1000000       |      | 132d0b6 | 77537423
        C.3 | OCRA-1:HOTP-SHA512-8:QA10-T1M     | 64 |   | SIG1100000       |      | 132d0b6 | 31970405
        C.3 | OCRA-1:HOTP-SHA512-8:QA10-T1M     | 64 |   | SIG1200000       |      | 132d0b6 | 10235557
        C.3 | OCRA-1:HOTP-SHA512-8:QA10-T1M     | 64 |   | SIG1300000       |      | 132d0b6 | 95213541
        C.3 | OCRA-1:HOTP-SHA512-8:QA10-T1M     | 64 |   | SIG1400000       |      | 132d0b6 | 65360607
        """)
    void generatesEveryRfc6287AppendixCValue(String section, String suiteText, int keyLength,
            Long counter, String question, String pin, String timestampHex, String expected) {
        OcraSuite suite = OcraSuite.parse(suiteText);
        OcraInput.Builder input = OcraInput.builder(question);
        if (counter != null) {
            input.counter(counter);
        }
        if (pin != null) {
            input.passwordHash(suite.hashPassword(pin));
        }
        if (timestampHex != null) {
            input.timestamp(Long.parseLong(timestampHex, 16));
        }
        byte[] key = RfcSeeds.forLength(keyLength);

        assertThat(Ocra.generate(suite, key, input.build())).isEqualTo(expected);
        assertThat(Ocra.verify(suite, key, input.build(), expected)).isTrue();
    }

    @Test
    void hashesThePinAsTheRfcDoes() {
        OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1");

        assertThat(HexFormat.of().formatHex(suite.hashPassword(PIN)))
                .isEqualTo("7110eda4d09e062aa5e4a390b0a572ac0d2c0220");
    }

    @Test
    void derivesTheRfcTimestampFromAnInstant() {
        OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA512-8:QN08-T1M");
        Instant rfcTime = Instant.parse("2008-03-25T12:06:00Z");

        assertThat(suite.timestamp(rfcTime)).isEqualTo(RFC_TIMESTAMP);
        assertThat(suite.timestamp(rfcTime.plusSeconds(59))).isEqualTo(RFC_TIMESTAMP);
        assertThat(suite.timestamp(rfcTime.plusSeconds(60))).isEqualTo(RFC_TIMESTAMP + 1);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "00000000, ''",
        "11111111, a98ac7",
        "22222222, 153158e0",
        "12345678, bc614e",
    })
    void convertsNumericQuestionsAsTheReferenceCodeDoes(String question, String leadingBytes) {
        byte[] expected = new byte[128];
        byte[] lead = HexFormat.of().parseHex(leadingBytes);
        System.arraycopy(lead, 0, expected, 0, lead.length);

        assertThat(Ocra.question(OcraSuite.QuestionFormat.NUMERIC, question)).isEqualTo(expected);
    }

    @Test
    void padsHexadecimalAndAlphanumericQuestionsTo128Bytes() {
        byte[] hex = Ocra.question(OcraSuite.QuestionFormat.HEX, "abC");
        byte[] text = Ocra.question(OcraSuite.QuestionFormat.ALPHANUMERIC, "SIG1");

        assertThat(hex).hasSize(128).startsWith((byte) 0xab, (byte) 0xc0, (byte) 0x00);
        assertThat(text).hasSize(128).startsWith((byte) 'S', (byte) 'I', (byte) 'G', (byte) '1', (byte) 0);
    }

    @Test
    void laysOutTheDataInputInRfcOrder() {
        OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:C-QA04-PSHA1-S002-T30S");
        OcraInput input = OcraInput.builder("ABCD")
                .counter(0x0102)
                .passwordHash(suite.hashPassword(PIN))
                .session(new byte[] {(byte) 0xee, (byte) 0xff})
                .timestamp(0x0304)
                .build();

        byte[] data = Ocra.dataInput(suite, input);

        int suiteLength = suite.toString().length();
        assertThat(data).hasSize(suiteLength + 1 + 8 + 128 + 20 + 2 + 8);
        String hex = HexFormat.of().formatHex(data);
        int at = 2 * (suiteLength + 1);
        assertThat(hex.substring(at - 2, at)).isEqualTo("00");
        assertThat(hex.substring(at, at + 16)).isEqualTo("0000000000000102");
        assertThat(hex.substring(at + 16, at + 24)).isEqualTo("41424344");
        assertThat(hex.substring(at + 16 + 256, at + 16 + 256 + 40))
                .isEqualTo("7110eda4d09e062aa5e4a390b0a572ac0d2c0220");
        assertThat(hex).endsWith("eeff" + "0000000000000304");
    }

    /**
     * RFC 6287 has no vector with session information; these two values come from an independent
     * Python implementation (hmac + hashlib) of RFC 6287 §5, not from the RFC.
     */
    @ParameterizedTest(name = "session starting {0} gives {1}")
    @CsvSource({"0, 178785", "1, 486856"})
    void answersAHexQuestionWithSessionInformation(int increment, String expected) {
        OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QH40-S064");
        byte[] session = new byte[64];
        for (int i = 0; i < session.length; i++) {
            session[i] = (byte) (i * increment);
        }
        OcraInput input = OcraInput.builder("00112233445566778899aabbccddeeff00112233")
                .session(session)
                .build();

        assertThat(Ocra.generate(suite, RfcSeeds.KEY20, input)).isEqualTo(expected);
    }

    @Test
    void verifiesOnlyTheRightResponse() {
        OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08");
        OcraInput input = OcraInput.builder("00000000").build();

        assertThat(Ocra.verify(suite, RfcSeeds.KEY20, input, "237653")).isTrue();
        assertThat(Ocra.verify(suite, RfcSeeds.KEY20, input, "237654")).isFalse();
        assertThat(Ocra.verify(suite, RfcSeeds.KEY20, input, "2376530")).isFalse();
        assertThat(Ocra.verify(suite, RfcSeeds.KEY20, input, "")).isFalse();
        assertThat(Ocra.verify(suite, RfcSeeds.KEY32, input, "237653")).isFalse();
        assertThat(Ocra.verify(suite, RfcSeeds.KEY20, OcraInput.builder("00000001").build(), "237653"))
                .isFalse();
    }

    @Test
    void refusesInputsTheSuiteDoesNotMention() {
        OcraSuite plain = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08");

        assertMismatch(plain, OcraInput.builder("1").counter(0).build(), "counter");
        assertMismatch(plain, OcraInput.builder("1").passwordHash(new byte[20]).build(), "password");
        assertMismatch(plain, OcraInput.builder("1").session(new byte[64]).build(), "session");
        assertMismatch(plain, OcraInput.builder("1").timestamp(0).build(), "timestamp");
    }

    @Test
    void refusesInputsMissingWhatTheSuiteRequires() {
        OcraInput bare = OcraInput.builder("1").build();

        assertMismatch(OcraSuite.parse("OCRA-1:HOTP-SHA1-6:C-QN08"), bare, "counter");
        assertMismatch(OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08-PSHA1"), bare, "password");
        assertMismatch(OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08-S064"), bare, "session");
        assertMismatch(OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08-T1M"), bare, "timestamp");
    }

    @Test
    void refusesAPasswordHashOrSessionOfTheWrongLength() {
        OcraSuite pin = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08-PSHA256");
        OcraSuite session = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08-S064");

        assertMismatch(pin, OcraInput.builder("1").passwordHash(new byte[20]).build(), "32-byte");
        assertMismatch(session, OcraInput.builder("1").session(new byte[63]).build(), "64 bytes");
    }

    @ParameterizedTest(name = "{0} question \"{1}\"")
    @CsvSource({
        "OCRA-1:HOTP-SHA1-6:QN08, 1234567A",
        "OCRA-1:HOTP-SHA1-6:QN08, -1234567",
        "OCRA-1:HOTP-SHA1-6:QN08, ' 1234567'",
        "OCRA-1:HOTP-SHA1-6:QH08, 0123456G",
        "OCRA-1:HOTP-SHA1-6:QH08, 0x123456",
        "OCRA-1:HOTP-SHA1-6:QA08, SIGNÉ",
        "OCRA-1:HOTP-SHA1-6:QA08, 'tab\there'",
    })
    void refusesQuestionsThatDoNotMatchTheFormat(String suite, String question) {
        assertThatThrownBy(() -> Ocra.generate(OcraSuite.parse(suite), RfcSeeds.KEY20,
                OcraInput.builder(question).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("question");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "OCRA-1:HOTP-SHA1-6:QN08, 257",
        "OCRA-1:HOTP-SHA1-6:QH08, 257",
        "OCRA-1:HOTP-SHA1-6:QA08, 129",
    })
    void refusesQuestionsLongerThan128Bytes(String suite, int length) {
        String question = "9".repeat(length);

        assertThatThrownBy(() -> Ocra.generate(OcraSuite.parse(suite), RfcSeeds.KEY20,
                OcraInput.builder(question).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Ocra.generate(OcraSuite.parse(suite), RfcSeeds.KEY20,
                OcraInput.builder(question.substring(1)).build())).hasSize(6);
    }

    @Test
    void refusesEmptyQuestionsAndNegativeCountersOrTimestamps() {
        assertThatThrownBy(() -> OcraInput.builder("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcraInput.builder("1").counter(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcraInput.builder("1").timestamp(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcraInput.builder(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void copiesArraysSoLaterChangesDoNotAlterTheInput() {
        OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08-PSHA1");
        byte[] hash = suite.hashPassword(PIN);
        OcraInput input = OcraInput.builder("1").passwordHash(hash).build();
        String before = Ocra.generate(suite, RfcSeeds.KEY20, input);

        hash[0] ^= 1;

        assertThat(Ocra.generate(suite, RfcSeeds.KEY20, input)).isEqualTo(before);
    }

    @Test
    void keepsThePasswordHashAndSessionOutOfToString() {
        OcraInput input = OcraInput.builder("SIG10000")
                .counter(3)
                .passwordHash(new byte[] {0x71, 0x10})
                .session(new byte[] {0x42})
                .build();

        assertThat(input.toString())
                .isEqualTo("OcraInput[question=SIG10000, counter=3, passwordHash=<2 bytes>, session=<1 bytes>]");
    }

    @Test
    void refusesMissingSuiteKeyInputOrResponse() {
        OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08");
        OcraInput input = OcraInput.builder("1").build();

        assertThatThrownBy(() -> Ocra.generate(null, RfcSeeds.KEY20, input)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Ocra.generate(suite, null, input)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Ocra.generate(suite, RfcSeeds.KEY20, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Ocra.verify(suite, RfcSeeds.KEY20, input, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Ocra.generate(suite, new byte[0], input))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"OCRA-1:HOTP-SHA1-6:QN08", "OCRA-1:HOTP-SHA1-6:QN08-S064"})
    void refusesToHashAPasswordOrMakeATimestampForASuiteWithoutThem(String suite) {
        OcraSuite parsed = OcraSuite.parse(suite);

        assertThatThrownBy(() -> parsed.hashPassword(PIN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> parsed.timestamp(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
    }

    private static void assertMismatch(OcraSuite suite, OcraInput input, String message) {
        assertThatThrownBy(() -> Ocra.generate(suite, RfcSeeds.KEY20, input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
