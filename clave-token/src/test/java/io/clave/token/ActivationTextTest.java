package io.clave.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivationTextTest {

    /**
     * "Clave token key!" in canonical Base32. The protocol's example key, JBSWY3DPEHPK3PXPJBSWY3DPEH, has non-zero
     * bits after its 128th, which clave-otp's strict Base32 refuses; a server encoding 16 random bytes never
     * writes such a key.
     */
    static final String KEY = "INWGC5TFEB2G623FNYQGWZLZEE";
    static final String ID = "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e";
    static final String EXAMPLE = "clave-token://activate?v=1&issuer=Banco%20Clave&server=http%3A%2F%2Flocalhost%3A8080"
            + "&id=" + ID + "&key=" + KEY;

    @Test
    void parsesTheProtocolExample() {
        ActivationText text = ActivationText.parse(EXAMPLE);

        assertThat(text.issuer()).isEqualTo("Banco Clave");
        assertThat(text.server()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(text.activationId()).isEqualTo(UUID.fromString(ID));
        assertThat(text.bindingKey()).isEqualTo(KEY);
    }

    @Test
    void formatsExactlyAsTheProtocolWritesIt() {
        assertThat(ActivationText.parse(EXAMPLE).format()).isEqualTo(EXAMPLE);
    }

    @Test
    void roundTripsAnIssuerWithAccentsAndAmpersands() {
        ActivationText text = ActivationText.of("Banco Pichincha & Cía. Ñ", URI.create("https://banca.example.ec/app"),
                UUID.randomUUID(), KEY);

        assertThat(ActivationText.parse(text.format())).isEqualTo(text);
        assertThat(ActivationText.parse(text.format()).issuer()).isEqualTo("Banco Pichincha & Cía. Ñ");
    }

    @Test
    void acceptsSurroundingWhitespaceAndIgnoresUnknownParameters() {
        assertThat(ActivationText.parse("  " + EXAMPLE + "&future=1\n").issuer()).isEqualTo("Banco Clave");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        another scheme      | otpauth://activate?v=1                                   | does not start with
        no version          | clave-token://activate?issuer=B&server=http%3A%2F%2Fx&id=ID&key=KEY | v is missing
        version 2           | clave-token://activate?v=2&issuer=B&server=http%3A%2F%2Fx&id=ID&key=KEY | version 2 is not supported
        no issuer           | clave-token://activate?v=1&server=http%3A%2F%2Fx&id=ID&key=KEY | issuer is missing
        ftp server          | clave-token://activate?v=1&issuer=B&server=ftp%3A%2F%2Fx&id=ID&key=KEY | server must be an http or https URL
        server without host | clave-token://activate?v=1&issuer=B&server=http%3A%2Fx&id=ID&key=KEY | server must be an http or https URL
        bad id              | clave-token://activate?v=1&issuer=B&server=http%3A%2F%2Fx&id=123&key=KEY | id is not a UUID
        short key           | clave-token://activate?v=1&issuer=B&server=http%3A%2F%2Fx&id=ID&key=INWGC5TF | key must be 26
        lower-case key      | clave-token://activate?v=1&issuer=B&server=http%3A%2F%2Fx&id=ID&key=inwgc5tfeb2g623fnyqgwzlzee | key must be 26
        key not Base32      | clave-token://activate?v=1&issuer=B&server=http%3A%2F%2Fx&id=ID&key=INWGC5TFEB2G623FNYQGWZLZE1 | key is not Base32
        key with loose bits | clave-token://activate?v=1&issuer=B&server=http%3A%2F%2Fx&id=ID&key=INWGC5TFEB2G623FNYQGWZLZEF | key is not Base32
        repeated key        | clave-token://activate?v=1&issuer=B&server=http%3A%2F%2Fx&id=ID&key=KEY&key=KEY | key appears twice
        bad encoding        | clave-token://activate?v=1&issuer=%ZZ&server=http%3A%2F%2Fx&id=ID&key=KEY | issuer is not URL-encoded
        """)
    void refusesABadTextSayingWhichField(String why, String text, String message) {
        String filled = text.replace("ID", ID).replace("KEY", KEY);
        assertThatThrownBy(() -> ActivationText.parse(filled))
                .isInstanceOf(ActivationText.InvalidActivationText.class)
                .hasMessageContaining(message);
    }

    @Test
    void neverShowsTheBindingKey() {
        ActivationText text = ActivationText.parse(EXAMPLE);
        assertThat(text.toString()).doesNotContain(KEY).contains("Banco Clave");
        assertThatThrownBy(() -> ActivationText.parse(EXAMPLE.replace("v=1", "v=9")))
                .hasMessageNotContaining(KEY);
    }
}
