package io.clave.server.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The RUC rules against the numbers of docs' security anchors (python-stdnum's test cases). */
class RucTests {

	@ParameterizedTest
	@CsvSource({ "1714307103001, NATURAL_PERSON", "0602910945001, NATURAL_PERSON", "0926687856001, NATURAL_PERSON",
			"1710034065001, NATURAL_PERSON", "1760001550001, PUBLIC_ENTITY", "0160000510001, PUBLIC_ENTITY",
			"0460000130001, PUBLIC_ENTITY", "1792060346001, PRIVATE_COMPANY", "0992397535001, PRIVATE_COMPANY",
			"0190115798001, PRIVATE_COMPANY", "1790011674001, PRIVATE_COMPANY" })
	void acceptsValidNumbersOfEachKind(String number, Ruc.Kind kind) {
		assertThat(Ruc.isValid(number)).isTrue();
		assertThat(new Ruc(number).kind()).isEqualTo(kind);
		assertThat(Ruc.parse(" " + number.substring(0, 10) + "-" + number.substring(10) + " ")).contains(new Ruc(number));
	}

	@ParameterizedTest
	@ValueSource(strings = { "179206034601", "17920603A6001", "0170000610001", "1763154690001", "0160000610001",
			"0190115799001", "8810034069001", "8868152120001", "8892397539001", "0926687856000", "1760001550000",
			"0992397535000", "", "17920603460011" })
	void refusesInvalidNumbers(String number) {
		assertThat(Ruc.isValid(number)).isFalse();
		assertThat(Ruc.parse(number)).isEmpty();
	}

}
