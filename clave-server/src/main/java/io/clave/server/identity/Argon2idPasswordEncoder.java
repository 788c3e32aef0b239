package io.clave.server.identity;

import java.text.Normalizer;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id through the reference C implementation (argon2-jvm ships it). Chosen by measurement over BouncyCastle's
 * pure-Java Argon2 that Spring Security's own encoder uses: same algorithm, same parameters and the same PHC string
 * format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), but several times faster, and hashing sets the ceiling
 * on logins per second. The password is NFKC-normalised first (NIST SP 800-63B) so that the same characters typed on
 * different keyboards match.
 */
public final class Argon2idPasswordEncoder implements PasswordEncoder {

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);

	private final int memoryKib;

	private final int iterations;

	private final int parallelism;

	public Argon2idPasswordEncoder(int memoryKib, int iterations, int parallelism) {
		this.memoryKib = memoryKib;
		this.iterations = iterations;
		this.parallelism = parallelism;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		char[] chars = normalise(rawPassword);
		try {
			return this.argon2.hash(this.iterations, this.memoryKib, this.parallelism, chars);
		}
		finally {
			this.argon2.wipeArray(chars);
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (encodedPassword == null || !encodedPassword.startsWith("$argon2id$")) {
			return false;
		}
		char[] chars = normalise(rawPassword);
		try {
			return this.argon2.verify(encodedPassword, chars);
		}
		finally {
			this.argon2.wipeArray(chars);
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		String expected = "$m=" + this.memoryKib + ",t=" + this.iterations + ",p=" + this.parallelism + "$";
		return encodedPassword == null || !encodedPassword.contains(expected);
	}

	private static char[] normalise(CharSequence raw) {
		return Normalizer.normalize(raw, Normalizer.Form.NFKC).toCharArray();
	}

}
