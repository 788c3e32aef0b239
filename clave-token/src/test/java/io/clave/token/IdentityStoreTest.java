package io.clave.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clave.otp.Base32;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityStoreTest {

    @TempDir
    Path home;

    private final TokenVault vault = Fixtures.vault();

    @Test
    void readsBackWhatItSaved() throws IOException {
        IdentityStore store = new IdentityStore(home);
        Identity saved = vault.create("PRODUBANCO", Fixtures.activatedToken(), "1357");

        store.save(saved);
        Identity read = new IdentityStore(home).find("PRODUBANCO").orElseThrow();

        assertThat(read.issuer()).isEqualTo("Banco Clave");
        assertThat(read.tokenId()).isEqualTo(Fixtures.TOKEN_ID);
        assertThat(read.totp()).isEqualTo(saved.totp());
        assertThat(read.signingSuite()).isEqualTo(Fixtures.SIGNING_SUITE);
        assertThat(read.unlockSuite()).isEqualTo(Fixtures.UNLOCK_SUITE);
        assertThat(read.installSalt()).isEqualTo(saved.installSalt());
        assertThat(read.vault()).isEqualTo(saved.vault());
        assertThat(read.recovery()).isEqualTo(saved.recovery());
        assertThat(read.challenge()).isEqualTo(saved.challenge());
        assertThat(vault.openWithPin(read, "1357")).hasValueSatisfying(
                secrets -> assertThat(secrets.seed()).isEqualTo(Fixtures.SEED));
    }

    @Test
    void listsEveryIdentityByNameAndFindsNoneUnderAnUnknownName() throws IOException {
        IdentityStore store = new IdentityStore(home);
        store.save(vault.create("PRODUBANCO", Fixtures.activatedToken(), "1357"));
        store.save(vault.create("Banco Clave", Fixtures.activatedToken(), "2468"));

        assertThat(store.list()).extracting(Identity::name).containsExactly("Banco Clave", "PRODUBANCO");
        assertThat(store.find("Pichincha")).isEmpty();
        assertThat(store.find("../etc/passwd")).isEmpty();
    }

    @Test
    void keepsTheOldIdentityWhenACrashLeftAHalfWrittenTemporaryFile() throws IOException {
        IdentityStore store = new IdentityStore(home);
        Identity old = vault.create("PRODUBANCO", Fixtures.activatedToken(), "1357");
        store.save(old);
        String complete = IdentityFile.write(old.withWrongPins(2));
        Path torn = home.resolve("." + store.fileOf("PRODUBANCO").getFileName() + ".3f2a.tmp");
        Files.writeString(torn, complete.substring(0, complete.length() / 2));

        IdentityStore afterRestart = new IdentityStore(home);

        assertThat(afterRestart.find("PRODUBANCO")).hasValueSatisfying(
                identity -> assertThat(identity.wrongPins()).isZero());
        assertThat(afterRestart.list()).extracting(Identity::name).containsExactly("PRODUBANCO");
        assertThat(torn).doesNotExist();
    }

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFile() throws IOException {
        IdentityStore store = new IdentityStore(home);
        Identity identity = vault.create("PRODUBANCO", Fixtures.activatedToken(), "1357");
        store.save(identity);
        store.save(identity.withWrongPins(1));

        assertThat(store.find("PRODUBANCO").orElseThrow().wrongPins()).isEqualTo(1);
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("PRODUBANCO.token");
        }
    }

    @Test
    void neverHoldsASeedInTheClear() throws IOException {
        IdentityStore store = new IdentityStore(home);
        store.save(vault.create("PRODUBANCO", Fixtures.activatedToken(), "1357"));
        byte[] file = Files.readAllBytes(store.fileOf("PRODUBANCO"));
        String text = new String(file, StandardCharsets.ISO_8859_1);

        for (byte[] secret : new byte[][] {Fixtures.SEED, Fixtures.UNLOCK_SEED}) {
            assertThat(indexOf(file, secret)).as("raw bytes").isNegative();
            assertThat(text).doesNotContain(Base32.encodeWithoutPadding(secret))
                    .doesNotContain(Base64.getEncoder().encodeToString(secret))
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(secret));
        }
        assertThat(text).doesNotContain("1357");
    }

    @Test
    void saysWhichEntryOfADamagedFileIsWrong() throws IOException {
        IdentityStore store = new IdentityStore(home);
        store.save(vault.create("PRODUBANCO", Fixtures.activatedToken(), "1357"));
        Path file = store.fileOf("PRODUBANCO");
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^vault=.*\n", ""));

        assertThatThrownBy(() -> store.find("PRODUBANCO")).isInstanceOf(IOException.class)
                .hasMessageContaining("'vault' is missing");
    }

    @Test
    void createsOnlyUnderANewName() throws IOException {
        IdentityStore store = new IdentityStore(home);
        Identity identity = vault.create("PRODUBANCO", Fixtures.activatedToken(), "1357");

        assertThat(store.create(identity)).isTrue();
        assertThat(store.create(identity)).isFalse();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
