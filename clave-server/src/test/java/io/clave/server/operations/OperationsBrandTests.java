package io.clave.server.operations;

import java.time.ZoneId;

import io.clave.server.shared.BankSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The bank's look is settings, checked when the server starts, so that nothing in them can break out of a page. */
class OperationsBrandTests {

	private static final ZoneId QUITO = ZoneId.of("America/Guayaquil");

	@Test
	void aLogoOnThisSiteAndColoursWrittenAsHexAreAccepted() {
		BankSettings bank = new BankSettings("Banco del Páramo", "1800 727 266", QUITO, "/marca/logo-paramo.svg",
				"#1a4f8b", "#E0A100");

		assertThat(bank.logoUrl()).isEqualTo("/marca/logo-paramo.svg");
		assertThat(bank.primaryColour()).isEqualTo("#1a4f8b");
	}

	@Test
	void theDefaultLookHasNoLogoAndClavesColours() {
		BankSettings bank = new BankSettings("Banco Clave", "(02) 400 9000", QUITO);

		assertThat(bank.logoUrl()).isEmpty();
		assertThat(bank.primaryColour()).isEqualTo("#0b5d3b");
		assertThat(bank.accentColour()).isEqualTo("#f2c14e");
	}

	@Test
	void aLogoElsewhereOrOneThatCouldBreakOutOfItsAttributeIsRefused() {
		for (String logo : new String[] { "https://cdn.example/logo.png", "//cdn.example/logo.png",
				"javascript:alert(1)", "/logo.svg\" onerror=\"x", "/../secrets/master.key", "logo.svg" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new BankSettings("Banco", "1800", QUITO, logo, "#0b5d3b", "#f2c14e"))
				.as(logo)
				.withMessageContaining("clave.bank.logo-url");
		}
	}

	@Test
	void aColourThatIsNotHexIsRefused() {
		for (String colour : new String[] { "red", "#fff", "#0b5d3b; background:url(x)", "0b5d3b" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new BankSettings("Banco", "1800", QUITO, "", colour, "#f2c14e"))
				.as(colour)
				.withMessageContaining("colour");
		}
	}

}
