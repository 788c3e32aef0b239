package io.clave.server.corporate;

import java.time.Duration;

import io.clave.server.identity.CommonPasswords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's rules for definitive corporate credentials, and its advice against names and dates. */
class CredentialPolicyTests {

	private final CredentialPolicy policy = new CredentialPolicy(
			new CorporateSettings(Duration.ofDays(7), 8, 14, 8, 20, 10, Duration.ofMinutes(30)), new CommonPasswords());

	@ParameterizedTest
	@CsvSource({ "finanzas.01, ", "ab, USERNAME_LENGTH", "usuario.muy.largo, USERNAME_LENGTH",
			"compras ñu, USERNAME_CHARACTERS", "patricia.fin, USERNAME_PERSONAL_DATA",
			"vasconez.fin, USERNAME_PERSONAL_DATA", "compras1990, USERNAME_DATE", "fin14-02-90, USERNAME_DATE",
			"fin140290x, USERNAME_DATE", "tesoreria88, " })
	void usernames(String username, CredentialRule expected) {
		assertThat(this.policy.checkUsername(username, "Patricia Elena", "Vásconez Ríos"))
			.isEqualTo(java.util.Optional.ofNullable(expected));
	}

	@Test
	void aGoodPasswordPasses() {
		assertThat(this.policy.checkPassword("Tesoro7Verde", "Tesoro7Verde", "finanzas.01", "Patricia Elena",
				"Vásconez Ríos")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "Ab1, PASSWORD_LENGTH", "Abcdefgh1234567890123, PASSWORD_LENGTH", "tesoro7verde, PASSWORD_MIXED",
			"TesoroVerde, PASSWORD_MIXED", "Finanzas.01x, PASSWORD_SAME_AS_USERNAME",
			"Patricia77A, PASSWORD_PERSONAL_DATA", "Rios7Verde, PASSWORD_PERSONAL_DATA",
			"Verde2019Ab, PASSWORD_DATE", "Ab120290cd, PASSWORD_DATE", "Password1, PASSWORD_COMMON" })
	void passwords(String password, CredentialRule expected) {
		assertThat(this.policy.checkPassword(password, password, "finanzas.01", "Patricia Elena", "Vásconez Ríos"))
			.contains(expected);
	}

	@Test
	void theConfirmationMustMatch() {
		assertThat(this.policy.checkPassword("Tesoro7Verde", "Tesoro7Verd", "finanzas.01", "Patricia Elena",
				"Vásconez Ríos")).contains(CredentialRule.PASSWORD_CONFIRMATION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "31/12/1999", "1-1-01", "2024", "19900214", "14021990", "140290" })
	void datesAreFoundInTheFormsPeopleWriteThem(String text) {
		assertThat(CredentialPolicy.containsDate("x" + text + "y")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tesoro7Verde", "caja01", "abc123", "999999", "2100x" })
	void otherDigitsAreNoDate(String text) {
		assertThat(CredentialPolicy.containsDate(text)).isFalse();
	}

}
