package io.clave.server.identity;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialPoliciesTests {

	private static final PersonalFacts MARIA = new PersonalFacts("1714307103", "María Fernanda", "Andrade López",
			LocalDate.of(1990, 4, 12));

	private final IdentitySettings settings = new IdentitySettings(8, 14, 8, 20, true,
			new IdentitySettings.Argon2(19456, 2, 1), 5,
			new IdentitySettings.Lockout(5, java.time.Duration.ofMinutes(15), 2, java.time.Duration.ofHours(24), 3));

	private final UsernamePolicy usernames = new UsernamePolicy(this.settings);

	private final PasswordPolicy passwords = new PasswordPolicy(this.settings, new CommonPasswords());

	@ParameterizedTest
	@ValueSource(strings = { "LOGS2019", "cliente77", "Quito2024ab", "a1b2c3d4e5f6g7" })
	void acceptsUsernamesOfEightToFourteenLettersAndDigits(String username) {
		assertThat(this.usernames.check(username, username, MARIA)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "abc123, LENGTH", "abcdefghij12345, LENGTH", "user name1, CHARACTERS", "usuario-01, CHARACTERS",
			"ñandu12345, CHARACTERS", "'<script>', CHARACTERS", "1714307103, PERSONAL_DATA", "mariafer88, PERSONAL_DATA",
			"LOPEZ12345, PERSONAL_DATA", "x12041990x, PERSONAL_DATA", "andrade2020, PERSONAL_DATA" })
	void refusesUsernamesThatBreakARule(String username, UsernameRule rule) {
		assertThat(this.usernames.check(username, username, MARIA)).contains(rule);
	}

	@Test
	void refusesAUsernameWhoseConfirmationDiffers() {
		assertThat(this.usernames.check("cliente77", "cliente78", MARIA))
			.contains(UsernameRule.CONFIRMATION_MISMATCH);
		assertThat(this.usernames.check("", "", MARIA)).contains(UsernameRule.REQUIRED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Montana7Verde", "Tr3sPalabras", "Gal4pagosAzul" })
	void acceptsPasswordsThatMeetEveryRule(String password) {
		assertThat(this.passwords.check(password, password, "cliente77", MARIA)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "Ab1, LENGTH", "Abcdefghij1234567890X, LENGTH", "montana7verde, MIXED_CHARACTERS",
			"MONTANA7VERDE, MIXED_CHARACTERS", "MontanaVerde, MIXED_CHARACTERS", "Cliente77abc, SAME_AS_USERNAME",
			"Maria12345X, PERSONAL_DATA", "Xx1714307103, PERSONAL_DATA", "Clave12041990, PERSONAL_DATA",
			"Password1, COMMON", "Ecuador2024, COMMON" })
	void refusesPasswordsThatBreakARule(String password, PasswordRule rule) {
		assertThat(this.passwords.check(password, password, "cliente77", MARIA)).contains(rule);
	}

	@Test
	void refusesControlCharactersAndMismatchedConfirmation() {
		assertThat(this.passwords.check("Montana7\u0000Verde", "Montana7\u0000Verde", "cliente77", MARIA))
			.contains(PasswordRule.CHARACTERS);
		assertThat(this.passwords.check("Montana7\u200BVerde", "Montana7\u200BVerde", "cliente77", MARIA))
			.contains(PasswordRule.CHARACTERS);
		assertThat(this.passwords.check("Montana7Verde", "Montana7Verdf", "cliente77", MARIA))
			.contains(PasswordRule.CONFIRMATION_MISMATCH);
		assertThat(this.passwords.check(null, null, "cliente77", MARIA)).isEqualTo(Optional.of(PasswordRule.REQUIRED));
	}

	@Test
	void shipsALargeCommonPasswordList() {
		assertThat(new CommonPasswords().size()).isGreaterThan(1000);
	}

	@Test
	void normalisesChallengeAnswersForCaseAccentsAndSpaces() {
		assertThat(ChallengeQuestions.normaliseAnswer("  José   PÉREZ ")).isEqualTo("jose perez");
	}

}
