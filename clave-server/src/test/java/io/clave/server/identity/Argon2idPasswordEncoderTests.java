package io.clave.server.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2idPasswordEncoderTests {

	private final Argon2idPasswordEncoder encoder = new Argon2idPasswordEncoder(19456, 2, 1);

	@Test
	void hashesWithOwaspParametersInThePhcFormat() {
		String hash = this.encoder.encode("Montana7Verde");
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("Montana7Verde");
		assertThat(this.encoder.matches("Montana7Verde", hash)).isTrue();
		assertThat(this.encoder.matches("Montana7verde", hash)).isFalse();
		assertThat(this.encoder.upgradeEncoding(hash)).isFalse();
	}

	@Test
	void saltsEveryHash() {
		assertThat(this.encoder.encode("Montana7Verde")).isNotEqualTo(this.encoder.encode("Montana7Verde"));
	}

	@Test
	void matchesTheSameCharactersTypedInDifferentUnicodeForms() {
		String composed = "Canci\u00f3n7Azul";
		String decomposed = "Cancio\u0301n7Azul";
		assertThat(this.encoder.matches(decomposed, this.encoder.encode(composed))).isTrue();
	}

	@Test
	void refusesHashesOfOtherSchemesAndAsksToUpgradeCheaperOnes() {
		assertThat(this.encoder.matches("x", "{bcrypt}$2a$10$abc")).isFalse();
		String cheap = new Argon2idPasswordEncoder(1024, 1, 1).encode("Montana7Verde");
		assertThat(this.encoder.matches("Montana7Verde", cheap)).isTrue();
		assertThat(this.encoder.upgradeEncoding(cheap)).isTrue();
	}

}
