package io.clave.server.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CedulaTests {

	@ParameterizedTest
	@ValueSource(strings = { "1714307103", "171430710-3", "0602910945", "0926687856", "0910005917", " 1710034065 " })
	void acceptsValidCedulas(String raw) {
		assertThat(Cedula.parse(raw)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1714307104", "171430710", "123A567890", "1784307108", "8814307107", "0102030405", "",
			"17143071031", "１７１４３０７１０３", "<script>" })
	void refusesInvalidCedulas(String raw) {
		assertThat(Cedula.parse(raw)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1714307103" })
	void masksAllButTheLastFourDigits(String raw) {
		assertThat(new Cedula(raw).toString()).isEqualTo("******7103");
	}

}
