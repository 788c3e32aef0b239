package io.clave.server.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactValueTests {

	@ParameterizedTest
	@ValueSource(strings = { "0991234567", "099 123 4567", "+593991234567", "099-123-4567" })
	void acceptsEcuadorianMobiles(String raw) {
		assertThat(PhoneNumber.parseMobile(raw)).contains(new PhoneNumber("0991234567"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "022345678", "(02) 234-5678", "042345678", "+59322345678" })
	void acceptsEcuadorianLandlines(String raw) {
		assertThat(PhoneNumber.parseLandline(raw)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "12345", "0891234567", "09912345678", "012345678", "abc", "0991234567' OR 1=1" })
	void refusesOtherNumbers(String raw) {
		assertThat(PhoneNumber.parseMobile(raw)).isEmpty();
		assertThat(PhoneNumber.parseLandline(raw)).isEmpty();
	}

	@Test
	void masksPhoneAndEmailAsTheSeedShowsThem() {
		assertThat(new PhoneNumber("0991237890").masked()).isEqualTo("******7890");
		assertThat(new EmailAddress("maria.andrade@dominio.com").masked()).isEqualTo("m***@d***.com");
		assertThat(new PhoneNumber("0991237890").e164()).isEqualTo("+593991237890");
	}

	@ParameterizedTest
	@ValueSource(strings = { "79927398713", "4111111111111111", "5555555555554444", "378282246310005", "78949" })
	void luhnAcceptsValidNumbers(String digits) {
		assertThat(Luhn.isValid(digits)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "7894", "4111111111111112", "", "41111111a1111111" })
	void luhnRefusesInvalidNumbers(String digits) {
		assertThat(Luhn.isValid(digits)).isFalse();
	}

}
