package io.clave.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OtpAuthUriTest {

    private static final String KEY_URI_FORMAT_EXAMPLE = "otpauth://totp/ACME%20Co:john.doe@email.com"
            + "?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30";
    private static final byte[] EXAMPLE_SECRET = Base32.decode("HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ");

    @Test
    void buildsTheKeyUriFormatExample() {
        OtpAuthUri uri = OtpAuthUri.of("ACME Co", "john.doe@email.com", EXAMPLE_SECRET, Totp.defaults());

        assertThat(uri.toUriString()).isEqualTo(KEY_URI_FORMAT_EXAMPLE);
    }

    @Test
    void parsesTheKeyUriFormatExample() {
        OtpAuthUri uri = OtpAuthUri.parse(KEY_URI_FORMAT_EXAMPLE);

        assertThat(uri.issuer()).isEqualTo("ACME Co");
        assertThat(uri.account()).isEqualTo("john.doe@email.com");
        assertThat(uri.secret()).isEqualTo(EXAMPLE_SECRET);
        assertThat(uri.totp()).isEqualTo(Totp.defaults());
    }

    @Test
    void parsesTheShortKeyUriFormatExampleWithDefaults() {
        OtpAuthUri uri = OtpAuthUri.parse(
                "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example");

        assertThat(uri.issuer()).isEqualTo("Example");
        assertThat(uri.account()).isEqualTo("alice@google.com");
        assertThat(uri.secret())
                .isEqualTo(new byte[] {'H', 'e', 'l', 'l', 'o', '!', (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        assertThat(uri.totp()).isEqualTo(Totp.defaults());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "Banco Ñandú S.A.  | josé.pérez+test@example.com",
        "A&B=C?D#E/F       | 100% real \"user\"",
        "  padded issuer   | account with spaces",
        "日本銀行           | 口座",
        "x                 | y",
    })
    void roundTripsIssuersAndAccountsWithCharactersThatNeedEncoding(String issuer, String account) {
        Totp totp = Totp.builder().algorithm(HmacAlgorithm.SHA512).digits(8).stepSeconds(60).build();
        OtpAuthUri uri = OtpAuthUri.of(issuer, account, RfcSeeds.KEY64, totp);

        String text = uri.toUriString();
        OtpAuthUri parsed = OtpAuthUri.parse(text);

        assertThat(text).matches("otpauth://totp/[A-Za-z0-9%._~@-]+:[A-Za-z0-9%._~@-]+\\?secret=[A-Z2-7]+"
                + "&issuer=[A-Za-z0-9%._~@-]+&algorithm=SHA512&digits=8&period=60");
        assertThat(parsed).isEqualTo(uri);
        assertThat(parsed.issuer()).isEqualTo(issuer);
        assertThat(parsed.totp()).isEqualTo(totp);
        assertThat(parsed.secret()).isEqualTo(RfcSeeds.KEY64);
    }

    @Test
    void roundTripsFreshSecretsOfEveryLength() {
        for (int length = SecretGenerator.MIN_BYTES; length <= SecretGenerator.MAX_BYTES; length++) {
            byte[] secret = SecretGenerator.newSecret(new java.security.SecureRandom(), length);
            OtpAuthUri uri = OtpAuthUri.of("Clave", "alice", secret, Totp.defaults());

            assertThat(OtpAuthUri.parse(uri.toUriString()).secret()).isEqualTo(secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "otpauth://totp/ACME%20Co%3Ajohn?secret=JBSWY3DPEHPK3PXP                      | ACME Co | john",
        "otpauth://totp/ACME%20Co:%20%20john?secret=JBSWY3DPEHPK3PXP                  | ACME Co | john",
        "otpauth://totp/john?secret=JBSWY3DPEHPK3PXP&issuer=ACME+Co                   | ACME Co | john",
        "otpauth://totp/john?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co                 | ACME Co | john",
        "OTPAUTH://TOTP/ACME:john?secret=jbswy3dpehpk3pxp&image=https%3A%2F%2Fx.png   | ACME    | john",
        "otpauth://totp/ACME:a+b?secret=JBSWY3DPEHPK3PXP                              | ACME    | a+b",
        "otpauth://totp/ACME:john?secret=JBSWY3DPEHPK3PXP&issuer=ACME#fragment         | ACME    | john",
    })
    void acceptsTheVariantsAppsAndOtherIssuersProduce(String text, String issuer, String account) {
        OtpAuthUri uri = OtpAuthUri.parse(text);

        assertThat(uri.issuer()).isEqualTo(issuer);
        assertThat(uri.account()).isEqualTo(account);
        assertThat(uri.secret()).isEqualTo(Base32.decode("JBSWY3DPEHPK3PXP"));
    }

    @Test
    void acceptsAPaddedSecret() {
        assertThat(OtpAuthUri.parse("otpauth://totp/A:b?secret=MZXW6YQ%3D").secret()).isEqualTo("foob".getBytes());
        assertThat(OtpAuthUri.parse("otpauth://totp/A:b?secret=MZXW6YQ=").secret()).isEqualTo("foob".getBytes());
    }

    @Test
    void readsAlgorithmDigitsAndPeriod() {
        OtpAuthUri uri = OtpAuthUri.parse(
                "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&algorithm=sha256&digits=8&period=60");

        assertThat(uri.totp())
                .isEqualTo(Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(8).stepSeconds(60).build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "",
        "https://totp/A:b?secret=JBSWY3DPEHPK3PXP",
        "otpauth://hotp/A:b?secret=JBSWY3DPEHPK3PXP&counter=0",
        "otpauth://totp",
        "otpauth://totp/A:b",
        "otpauth://totp/A:b?issuer=A",
        "otpauth://totp/A:b?secret=",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PX1",
        "otpauth://totp/b?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/A:?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/:b?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/A:b:c?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=B",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&algorithm=MD5",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=5",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=-6",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=six",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&period=0",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&period=+30",
        "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits",
        "otpauth://totp/A%:b?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/A%4:b?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/A%ZZ:b?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/A%FF:b?secret=JBSWY3DPEHPK3PXP",
    })
    void refusesUrisItCannotUse(String text) {
        assertThatThrownBy(() -> OtpAuthUri.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPutsTheSecretIntoToStringOrErrors() {
        OtpAuthUri uri = OtpAuthUri.of("ACME Co", "john", EXAMPLE_SECRET, Totp.defaults());

        assertThat(uri.toString())
                .doesNotContain("HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ")
                .isEqualTo("OtpAuthUri[ACME Co:john, Totp[SHA1, 6 digits, 30 s, T0=1970-01-01T00:00:00Z]]");
        assertThatThrownBy(() -> OtpAuthUri.parse("otpauth://totp/A:b?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBO%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("HXDMVJECJJWSRB3HWIZR4IFUGFTMXBO");
        assertThatThrownBy(() -> OtpAuthUri.parse("otpauth://totp/A:b?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBO1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("HXDMVJECJJWSRB3HWIZR4IFUGFTMXBO");
    }

    @Test
    void copiesTheSecretInAndOut() {
        byte[] secret = RfcSeeds.KEY20.clone();
        OtpAuthUri uri = OtpAuthUri.of("A", "b", secret, Totp.defaults());

        secret[0] = 0;
        uri.secret()[1] = 0;

        assertThat(uri.secret()).isEqualTo(RfcSeeds.KEY20);
    }

    @Test
    void refusesArgumentsTheFormatCannotCarry() {
        byte[] secret = RfcSeeds.KEY20;
        Totp shifted = Totp.builder().t0(Instant.ofEpochSecond(30)).build();

        assertThatThrownBy(() -> OtpAuthUri.of("A:B", "b", secret, Totp.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.of("A", "b:c", secret, Totp.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.of("", "b", secret, Totp.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.of("A", "", secret, Totp.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.of("A", " b", secret, Totp.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.of("A", "b", new byte[0], Totp.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.of("A", "b", secret, shifted))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.of(null, "b", secret, Totp.defaults()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> OtpAuthUri.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
