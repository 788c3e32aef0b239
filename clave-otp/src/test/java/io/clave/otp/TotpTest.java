package io.clave.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

    private static final byte[] KEY = RfcSeeds.KEY20;
    private static final Totp TOTP = Totp.defaults();
    private static final Instant NOW = Instant.ofEpochSecond(1_111_111_111L);
    private static final long NOW_STEP = 1_111_111_111L / 30;

    @ParameterizedTest(name = "{0} s with {1} gives {2}")
    @CsvSource({
        "59,          SHA1,   94287082",
        "59,          SHA256, 46119246",
        "59,          SHA512, 90693936",
        "1111111109,  SHA1,   07081804",
        "1111111109,  SHA256, 68084774",
        "1111111109,  SHA512, 25091201",
        "1111111111,  SHA1,   14050471",
        "1111111111,  SHA256, 67062674",
        "1111111111,  SHA512, 99943326",
        "1234567890,  SHA1,   89005924",
        "1234567890,  SHA256, 91819424",
        "1234567890,  SHA512, 93441116",
        "2000000000,  SHA1,   69279037",
        "2000000000,  SHA256, 90698825",
        "2000000000,  SHA512, 38618901",
        "20000000000, SHA1,   65353130",
        "20000000000, SHA256, 77737706",
        "20000000000, SHA512, 47863826",
    })
    void generatesRfc6238AppendixBValues(long seconds, HmacAlgorithm algorithm, String expected) {
        Totp totp = Totp.builder().algorithm(algorithm).digits(8).build();
        byte[] seed = RfcSeeds.forLength(algorithm.outputLength());

        assertThat(totp.generate(seed, Instant.ofEpochSecond(seconds))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} s is step {1}")
    @CsvSource({
        "59,          0000000000000001",
        "1111111109,  00000000023523EC",
        "1111111111,  00000000023523ED",
        "1234567890,  000000000273EF07",
        "2000000000,  0000000003F940AA",
        "20000000000, 0000000027BC86AA",
    })
    void computesRfc6238AppendixBTimeSteps(long seconds, String step) {
        assertThat(TOTP.timeStep(Instant.ofEpochSecond(seconds))).isEqualTo(Long.parseLong(step, 16));
    }

    @Test
    void countsOnlyWholeElapsedSteps() {
        assertThat(TOTP.timeStep(Instant.EPOCH)).isZero();
        assertThat(TOTP.timeStep(Instant.ofEpochSecond(29, 999_999_999))).isZero();
        assertThat(TOTP.timeStep(Instant.ofEpochSecond(30))).isEqualTo(1);
    }

    @Test
    void countsStepsFromT0() {
        Totp totp = Totp.builder().t0(Instant.ofEpochSecond(1_000)).stepSeconds(60).build();

        assertThat(totp.timeStep(Instant.ofEpochSecond(1_059))).isZero();
        assertThat(totp.timeStep(Instant.ofEpochSecond(1_060))).isEqualTo(1);
        assertThat(totp.generate(KEY, Instant.ofEpochSecond(1_060))).isEqualTo(Hotp.generate(KEY, 1, 6));
    }

    @Test
    void defaultsToSha1SixDigitsThirtySecondsFromTheEpoch() {
        assertThat(TOTP.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
        assertThat(TOTP.digits()).isEqualTo(6);
        assertThat(TOTP.stepSeconds()).isEqualTo(30);
        assertThat(TOTP.t0()).isEqualTo(Instant.EPOCH);
        assertThat(TOTP.generate(KEY, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @ParameterizedTest(name = "a code from step {0} relative to now")
    @ValueSource(ints = {-1, 0, 1})
    void acceptsCodesOneStepEitherSideAndReturnsTheirStep(int offset) {
        String code = TOTP.generate(KEY, NOW.plusSeconds(30L * offset));

        assertThat(TOTP.verify(KEY, code, NOW, 1)).hasValue(NOW_STEP + offset);
    }

    @ParameterizedTest(name = "a code from step {0} relative to now")
    @ValueSource(ints = {-3, -2, 2, 3})
    void refusesCodesOutsideTheWindow(int offset) {
        String code = TOTP.generate(KEY, NOW.plusSeconds(30L * offset));

        assertThat(TOTP.verify(KEY, code, NOW, 1)).isEmpty();
    }

    @Test
    void acceptsOnlyTheCurrentStepWithAWindowOfZero() {
        assertThat(TOTP.verify(KEY, TOTP.generate(KEY, NOW), NOW, 0)).hasValue(NOW_STEP);
        assertThat(TOTP.verify(KEY, TOTP.generate(KEY, NOW.minusSeconds(30)), NOW, 0)).isEmpty();
        assertThat(TOTP.verify(KEY, TOTP.generate(KEY, NOW.plusSeconds(30)), NOW, 0)).isEmpty();
    }

    @Test
    void refusesAWrongCode() {
        String code = TOTP.generate(KEY, NOW);
        String wrong = (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1)))
                + code.substring(1);

        assertThat(TOTP.verify(KEY, wrong, NOW, 1)).isEmpty();
    }

    @Test
    void refusesTheRightCodeUnderAnotherKey() {
        assertThat(TOTP.verify(RfcSeeds.KEY32, TOTP.generate(KEY, NOW), NOW, 1)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "14050", "1405047", "14050471", "abcdef", "      "})
    void refusesCodesThatAreNotSixDigits(String code) {
        assertThat(TOTP.verify(KEY, code, NOW, 1)).isEmpty();
    }

    @Test
    void returnsAStepThatLetsTheServerRefuseAReplay() {
        String code = TOTP.generate(KEY, NOW);
        long accepted = TOTP.verify(KEY, code, NOW, 1).orElseThrow();

        OptionalLong replay = TOTP.verify(KEY, code, NOW.plusSeconds(30), 1);

        assertThat(replay).hasValue(accepted);
        assertThat(replay.getAsLong()).isLessThanOrEqualTo(accepted);
        String next = TOTP.generate(KEY, NOW.plusSeconds(30));
        assertThat(TOTP.verify(KEY, next, NOW.plusSeconds(30), 1).orElseThrow()).isGreaterThan(accepted);
    }

    @Test
    void skipsStepsBeforeT0AtTheStartOfTime() {
        assertThat(TOTP.verify(KEY, TOTP.generate(KEY, Instant.EPOCH), Instant.EPOCH, 1)).hasValue(0);
    }

    @ParameterizedTest(name = "{0} steps")
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 11, Integer.MAX_VALUE})
    void refusesAWindowThatIsNegativeOrWiderThanTenSteps(int window) {
        assertThatThrownBy(() -> TOTP.verify(KEY, "123456", NOW, window))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("windowSteps");
    }

    @Test
    void acceptsTheWidestWindow() {
        String code = TOTP.generate(KEY, NOW.minusSeconds(30L * Totp.MAX_WINDOW_STEPS));

        assertThat(TOTP.verify(KEY, code, NOW, Totp.MAX_WINDOW_STEPS)).hasValue(NOW_STEP - Totp.MAX_WINDOW_STEPS);
    }

    @Test
    void refusesInstantsBeforeT0() {
        Totp totp = Totp.builder().t0(Instant.ofEpochSecond(1_000)).build();
        Instant before = Instant.ofEpochSecond(999);

        assertThatThrownBy(() -> totp.timeStep(before)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.generate(KEY, before)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.verify(KEY, "123456", before, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} digits")
    @ValueSource(ints = {0, 5, 11})
    void refusesDigitsOutsideSixToTen(int digits) {
        assertThatThrownBy(() -> Totp.builder().digits(digits)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} s")
    @ValueSource(longs = {0, -30})
    void refusesAStepThatIsNotPositive(long seconds) {
        assertThatThrownBy(() -> Totp.builder().stepSeconds(seconds))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAT0WithAFractionOfASecond() {
        assertThatThrownBy(() -> Totp.builder().t0(Instant.ofEpochSecond(0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMissingArguments() {
        assertThatThrownBy(() -> TOTP.generate(null, NOW)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TOTP.generate(KEY, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TOTP.verify(KEY, null, NOW, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Totp.builder().algorithm(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void comparesConfigurationsByValue() {
        Totp sha256 = Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(8).build();

        assertThat(Totp.builder().build()).isEqualTo(TOTP).hasSameHashCodeAs(TOTP);
        assertThat(sha256).isNotEqualTo(TOTP);
        assertThat(sha256).hasToString("Totp[SHA256, 8 digits, 30 s, T0=1970-01-01T00:00:00Z]");
    }
}
