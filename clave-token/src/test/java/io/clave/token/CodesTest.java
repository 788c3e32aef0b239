package io.clave.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clave.otp.Ocra;
import io.clave.otp.OcraInput;
import io.clave.otp.Totp;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodesTest {

    private static final Instant NOW = Instant.parse("2026-03-14T15:09:26Z");

    private final TokenSecrets secrets = new TokenSecrets(Fixtures.SEED, Fixtures.UNLOCK_SEED);

    @ParameterizedTest(name = "T={0}s gives {1}, {2} s left")
    @CsvSource({
        "59,          94287082, 1",
        "1111111109,  07081804, 1",
        "1111111111,  14050471, 29",
        "1234567890,  89005924, 30",
        "2000000000,  69279037, 10",
        "20000000000, 65353130, 10"})
    void givesTheRfc6238Sha1CodesWithTheSecondsLeft(long seconds, String code, int secondsLeft) {
        Identity identity = identityWith(Totp.builder().digits(8).build());

        CurrentCode current = codesAt(Instant.ofEpochSecond(seconds)).current(identity, secrets);

        assertThat(current).isEqualTo(new CurrentCode(code, secondsLeft));
    }

    @Test
    void givesTheProtocolsSixDigitCodeAsClaveOtpComputesIt() {
        CurrentCode current = codesAt(NOW).current(identityWith(Totp.defaults()), secrets);

        assertThat(current.code()).hasSize(6).isEqualTo(Totp.defaults().generate(Fixtures.SEED, NOW));
        assertThat(current.secondsLeft()).isEqualTo(30 - 26 % 30);
    }

    @Test
    void buildsTheSigningQuestionOfTheProtocolExample() {
        assertThat(Transaction.of("125.50", "2200777888").question())
                .isEqualTo("00000000002200777888000000012550");
    }

    @Test
    void signsWithOcraOverTheQuestionAndTheCurrentMinute() {
        Transaction transfer = Transaction.of("125.50", "2200777888");

        String code = codesAt(NOW).sign(identityWith(Totp.defaults()), secrets, transfer);

        String expected = Ocra.generate(Fixtures.SIGNING_SUITE, Fixtures.SEED,
                OcraInput.builder("00000000002200777888000000012550").timestamp(NOW.getEpochSecond() / 60).build());
        assertThat(code).hasSize(8).isEqualTo(expected);
    }

    @Test
    void aSigningCodeForOneTransferDoesNotAuthoriseAnother() {
        Codes codes = codesAt(NOW);
        Identity identity = identityWith(Totp.defaults());
        String original = codes.sign(identity, secrets, Transaction.of("125.50", "2200777888"));

        assertThat(codes.sign(identity, secrets, Transaction.of("125.51", "2200777888"))).isNotEqualTo(original);
        assertThat(codes.sign(identity, secrets, Transaction.of("125.50", "2200777889"))).isNotEqualTo(original);
        assertThat(codesAt(NOW.plusSeconds(60)).sign(identity, secrets, Transaction.of("125.50", "2200777888")))
                .as("the next minute").isNotEqualTo(original);
    }

    @Test
    void showsTheAmountWithTwoDecimalsAndMasksTheDestination() {
        Transaction transfer = Transaction.of("80", "2200-777 888");

        assertThat(transfer.amountInCents()).isEqualTo(8000);
        assertThat(transfer.displayAmount()).isEqualTo("80.00");
        assertThat(transfer.destination()).isEqualTo("2200777888");
        assertThat(transfer.maskedDestination()).isEqualTo("******7888");
    }

    @ParameterizedTest
    @CsvSource({"0, 2200777888", "-5, 2200777888", "1.234, 2200777888", "1e3, 2200777888", "12345678901, 2200777888",
        "10, 123456789012345678901", "10, 22007X7888", "10, ''"})
    void refusesAnAmountOrDestinationThatDoesNotFit(String amount, String destination) {
        assertThatThrownBy(() -> Transaction.of(amount, destination)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Codes codesAt(Instant instant) {
        return new Codes(Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static Identity identityWith(Totp totp) {
        return new Identity("PRODUBANCO", "Banco Clave", URI.create("http://localhost:8080"), Fixtures.TOKEN_ID, totp,
                Fixtures.SIGNING_SUITE, Fixtures.UNLOCK_SUITE, new byte[16], new byte[0], "12345678", new byte[0], 0);
    }
}
