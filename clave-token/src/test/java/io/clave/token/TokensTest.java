package io.clave.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.clave.otp.Ocra;
import io.clave.otp.OcraInput;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    @TempDir
    Path home;

    private IdentityStore store;
    private Tokens tokens;

    @BeforeEach
    void activate() throws IOException {
        store = new IdentityStore(home);
        tokens = tokensOver(store);
        assertThat(tokens.activate("PRODUBANCO", Fixtures.activatedToken(), "1357", "1357"))
                .isEqualTo(PinCheck.ACCEPTED);
    }

    @Test
    void opensWithTheRightPin() throws IOException {
        PinAttempt attempt = tokens.usePin(identity(), "1357");

        assertThat(attempt).isInstanceOfSatisfying(PinAttempt.Opened.class,
                opened -> assertThat(opened.secrets().seed()).isEqualTo(Fixtures.SEED));
    }

    @Test
    void countsWrongPinsAndLocksAtTheThird() throws IOException {
        assertThat(tokens.usePin(identity(), "2468")).isEqualTo(new PinAttempt.WrongPin(2));
        assertThat(tokens.usePin(identity(), "2468")).isEqualTo(new PinAttempt.WrongPin(1));
        assertThat(tokens.usePin(identity(), "2468")).isEqualTo(new PinAttempt.Locked(identity().challenge()));

        assertThat(tokens.usePin(identity(), "1357")).as("the right PIN once locked")
                .isInstanceOf(PinAttempt.Locked.class);
    }

    @Test
    void keepsTheCountAcrossARestart() throws IOException {
        tokens.usePin(identity(), "2468");
        tokens.usePin(identity(), "2468");

        IdentityStore restarted = new IdentityStore(home);
        Tokens afterRestart = tokensOver(restarted);
        Identity identity = restarted.find("PRODUBANCO").orElseThrow();

        assertThat(identity.wrongPins()).isEqualTo(2);
        assertThat(afterRestart.usePin(identity, "2468")).isInstanceOf(PinAttempt.Locked.class);
        assertThat(new IdentityStore(home).find("PRODUBANCO").orElseThrow().locked()).isTrue();
    }

    @Test
    void theRightPinResetsTheCount() throws IOException {
        tokens.usePin(identity(), "2468");
        tokens.usePin(identity(), "2468");
        tokens.usePin(identity(), "1357");

        assertThat(identity().wrongPins()).isZero();
    }

    @Test
    void unlocksOnlyWithTheCodeTheUnlockSeedGivesForTheChallenge() throws IOException {
        lock();
        Identity locked = identity();
        String wrong = String.format("%08d", (Integer.parseInt(unlockCode(locked.challenge())) + 1) % 100_000_000);

        assertThat(tokens.unlock(locked, wrong)).isEqualTo(new UnlockAttempt.WrongUnlockCode(locked.challenge()));
        assertThat(tokens.unlock(locked, "")).isInstanceOf(UnlockAttempt.WrongUnlockCode.class);
        assertThat(identity()).as("a wrong unlock code changes nothing").satisfies(identity -> {
            assertThat(identity.challenge()).isEqualTo(locked.challenge());
            assertThat(identity.locked()).isTrue();
        });

        UnlockAttempt attempt = tokens.unlock(locked, unlockCode(locked.challenge()));
        assertThat(attempt).isInstanceOf(UnlockAttempt.Unlocked.class);
    }

    @Test
    void afterUnlockANewPinOpensItAndTheChallengeChanges() throws IOException {
        lock();
        Identity locked = identity();
        UnlockAttempt.Unlocked unlocked = (UnlockAttempt.Unlocked) tokens.unlock(locked, unlockCode(locked.challenge()));

        assertThat(tokens.setNewPin(unlocked.identity(), unlocked.secrets(), "1357", "1357"))
                .as("the previous PIN").isEqualTo(PinCheck.SAME_AS_PREVIOUS);
        assertThat(tokens.setNewPin(unlocked.identity(), unlocked.secrets(), "4321", "4321"))
                .isEqualTo(PinCheck.RUN_OF_DIGITS);
        assertThat(tokens.setNewPin(unlocked.identity(), unlocked.secrets(), "2580", "2580"))
                .isEqualTo(PinCheck.ACCEPTED);

        Identity renewed = identity();
        assertThat(renewed.locked()).isFalse();
        assertThat(renewed.challenge()).isNotEqualTo(locked.challenge());
        assertThat(tokens.usePin(renewed, "1357")).isInstanceOf(PinAttempt.WrongPin.class);
        assertThat(tokens.usePin(identity(), "2580")).isInstanceOf(PinAttempt.Opened.class);
        assertThat(tokens.unlock(identity(), unlockCode(renewed.challenge()))).isInstanceOf(UnlockAttempt.NotLocked.class);
    }

    @Test
    void theNewRecoveryCopyOpensWithTheNewChallengesCode() throws IOException {
        PinAttempt.Opened opened = (PinAttempt.Opened) tokens.usePin(identity(), "1357");
        tokens.setNewPin(opened.identity(), opened.secrets(), "8024", "8024");
        lock();

        assertThat(tokens.unlock(identity(), unlockCode(identity().challenge())))
                .isInstanceOf(UnlockAttempt.Unlocked.class);
    }

    @Test
    void changingThePinRefusesThePreviousOneAndKeepsTheOldPinWorkingUntilAccepted() throws IOException {
        PinAttempt.Opened opened = (PinAttempt.Opened) tokens.usePin(identity(), "1357");

        assertThat(tokens.setNewPin(opened.identity(), opened.secrets(), "1357", "1357"))
                .isEqualTo(PinCheck.SAME_AS_PREVIOUS);
        assertThat(tokens.setNewPin(opened.identity(), opened.secrets(), "9999", "9999"))
                .isEqualTo(PinCheck.FOUR_EQUAL_DIGITS);
        assertThat(tokens.setNewPin(opened.identity(), opened.secrets(), "8024", "8042"))
                .isEqualTo(PinCheck.CONFIRMATION_DIFFERS);
        assertThat(tokens.usePin(identity(), "1357")).isInstanceOf(PinAttempt.Opened.class);
    }

    @Test
    void activationRefusesAWeakPinAndStoresNothing() throws IOException {
        assertThat(tokens.activate("Otro", Fixtures.activatedToken(), "0000", "0000"))
                .isEqualTo(PinCheck.FOUR_EQUAL_DIGITS);
        assertThat(store.find("Otro")).isEmpty();
    }

    private void lock() throws IOException {
        for (int i = 0; i < Identity.MAX_WRONG_PINS; i++) {
            tokens.usePin(identity(), "0011");
        }
        assertThat(identity().locked()).isTrue();
    }

    private Identity identity() throws IOException {
        return store.find("PRODUBANCO").orElseThrow();
    }

    private static String unlockCode(String challenge) {
        return Ocra.generate(Fixtures.UNLOCK_SUITE, Fixtures.UNLOCK_SEED, OcraInput.builder(challenge).build());
    }

    private static Tokens tokensOver(IdentityStore store) {
        return new Tokens(store, Fixtures.vault(), new PinRules());
    }
}
