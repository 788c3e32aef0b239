package io.clave.server.secrets;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretsTests {

	private final Secrets secrets = new Secrets(new byte[32], new SecureRandom());

	@Test
	void sealsAndOpensWithTheSamePurpose() {
		byte[] box = this.secrets.encrypt("outbox", "123456".getBytes(StandardCharsets.UTF_8));
		assertThat(new String(box, StandardCharsets.ISO_8859_1)).doesNotContain("123456");
		assertThat(this.secrets.decrypt("outbox", box)).asString(StandardCharsets.UTF_8).isEqualTo("123456");
	}

	@Test
	void refusesATamperedBoxOrAnotherPurpose() {
		byte[] box = this.secrets.encrypt("outbox", "123456".getBytes(StandardCharsets.UTF_8));
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.decrypt("token-seed", box));
		box[box.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.decrypt("outbox", box));
	}

	@Test
	void keyedHashesDependOnPurposeAndKey() {
		Secrets other = new Secrets(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
				20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }, new SecureRandom());
		byte[] pan = this.secrets.hmac("card-pan", "4213560012345672");
		assertThat(this.secrets.matches("card-pan", "4213560012345672", pan)).isTrue();
		assertThat(this.secrets.hmac("card-pin", "4213560012345672")).isNotEqualTo(pan);
		assertThat(other.hmac("card-pan", "4213560012345672")).isNotEqualTo(pan);
	}

	@Test
	void refusesShortMasterKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Secrets(new byte[16], new SecureRandom()));
	}

}
