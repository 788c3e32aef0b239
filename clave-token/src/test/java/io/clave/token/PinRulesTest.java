package io.clave.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinRulesTest {

    private final PinRules rules = new PinRules();

    @Test
    void refusesEveryPinOfFourEqualDigits() {
        for (char digit = '0'; digit <= '9'; digit++) {
            assertThat(rules.check(String.valueOf(digit).repeat(4))).isEqualTo(PinCheck.FOUR_EQUAL_DIGITS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123", "1234", "2345", "3456", "4567", "5678", "6789", "7890", "8901", "9012"})
    void refusesEveryRunUpIncludingThoseThatWrapFromNineToZero(String pin) {
        assertThat(rules.check(pin)).isEqualTo(PinCheck.RUN_OF_DIGITS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3210", "4321", "5432", "6543", "7654", "8765", "9876", "0987", "1098", "2109"})
    void refusesEveryRunDownIncludingThoseThatWrapFromZeroToNine(String pin) {
        assertThat(rules.check(pin)).isEqualTo(PinCheck.RUN_OF_DIGITS);
    }

    @Test
    void refusesExactlyThirtyOfTheTenThousandPins() {
        long refused = IntStream.range(0, 10_000).mapToObj(n -> String.format("%04d", n))
                .filter(pin -> rules.check(pin) != PinCheck.ACCEPTED)
                .count();
        assertThat(refused).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1357", "2468", "1235", "0124", "9875", "1123", "8024"})
    void acceptsPinsThatAreNeitherRepeatsNorRuns(String pin) {
        assertThat(rules.check(pin)).isEqualTo(PinCheck.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "13579", "12a4", " 1357", "１３５７"})
    void refusesAnythingButFourAsciiDigits(String pin) {
        assertThat(rules.check(pin)).isEqualTo(PinCheck.NOT_FOUR_DIGITS);
    }

    @Test
    void refusesAConfirmationThatDiffers() {
        assertThat(rules.check("1357", "1375")).isEqualTo(PinCheck.CONFIRMATION_DIFFERS);
        assertThat(rules.check("1357", null)).isEqualTo(PinCheck.CONFIRMATION_DIFFERS);
        assertThat(rules.check("1357", "1357")).isEqualTo(PinCheck.ACCEPTED);
    }

    @Test
    void checksTheRulesBeforeTheConfirmation() {
        assertThat(rules.check("1234", "1357")).isEqualTo(PinCheck.RUN_OF_DIGITS);
    }
}
