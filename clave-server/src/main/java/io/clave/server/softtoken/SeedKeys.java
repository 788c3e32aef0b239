package io.clave.server.softtoken;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.clave.server.secrets.Secrets;

import org.springframework.stereotype.Component;

/**
 * The key ring that seals token seeds with AES-256-GCM. Each sealed seed names the key that sealed it, so a new key
 * can be put first (it seals from then on) while older ones still open what they sealed; no token needs activating
 * again. Without configured keys, one key derived from the master key serves, under the id {@code master}; the bare
 * entry {@code master} puts that derived key in the ring at its place (to rotate away from it, or back to it).
 */
@Component
class SeedKeys {

	static final String MASTER = "master";

	private static final String PURPOSE = "softtoken-seed";

	private static final int NONCE_BYTES = 12;

	/** Stands for the key derived from the master key in the ring. */
	private static final byte[] DERIVED = new byte[0];

	private final Map<String, byte[]> keys = new LinkedHashMap<>();

	private final Secrets secrets;

	private final SecureRandom random;

	SeedKeys(SoftTokenSettings settings, Secrets secrets, SecureRandom random) {
		this.secrets = secrets;
		this.random = random;
		for (String entry : settings.seedKeys()) {
			if (MASTER.equals(entry.strip())) {
				this.keys.put(MASTER, DERIVED);
				continue;
			}
			int colon = entry.indexOf(':');
			if (colon < 1) {
				throw new IllegalStateException("clave.softtoken.seed-keys entries are id:base64");
			}
			byte[] key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
			if (key.length != 32) {
				throw new IllegalStateException("a seed key has 32 bytes (key " + entry.substring(0, colon) + ")");
			}
			this.keys.put(entry.substring(0, colon).strip(), key);
		}
	}

	String currentId() {
		return this.keys.isEmpty() ? MASTER : this.keys.keySet().iterator().next();
	}

	/** The ids of every key that can open a seed: the ring's, and the derived key's. */
	Set<String> openableIds() {
		Set<String> ids = new LinkedHashSet<>(this.keys.keySet());
		ids.add(MASTER);
		return ids;
	}

	Sealed seal(byte[] seed) {
		String id = currentId();
		if (MASTER.equals(id) && isDerived(MASTER)) {
			return new Sealed(id, this.secrets.encrypt(PURPOSE, seed));
		}
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] box = cipher(Cipher.ENCRYPT_MODE, this.keys.get(id), nonce, id).apply(seed);
		return new Sealed(id, ByteBuffer.allocate(NONCE_BYTES + box.length).put(nonce).put(box).array());
	}

	byte[] open(String id, byte[] sealed) {
		if (MASTER.equals(id) && isDerived(MASTER)) {
			return this.secrets.decrypt(PURPOSE, sealed);
		}
		byte[] key = this.keys.get(id);
		if (key == null) {
			throw new IllegalStateException("seed key " + id + " is no longer configured");
		}
		byte[] nonce = java.util.Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
		return cipher(Cipher.DECRYPT_MODE, key, nonce, id).apply(java.util.Arrays.copyOfRange(sealed, NONCE_BYTES,
				sealed.length));
	}

	private boolean isDerived(String id) {
		byte[] key = this.keys.get(id);
		return key == null || key == DERIVED;
	}

	private static Transform cipher(int mode, byte[] key, byte[] nonce, String id) {
		return input -> {
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
				cipher.updateAAD((PURPOSE + ":" + id).getBytes(StandardCharsets.UTF_8));
				return cipher.doFinal(input);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("a sealed seed does not open under key " + id, ex);
			}
		};
	}

	interface Transform {

		byte[] apply(byte[] input);

	}

	record Sealed(String keyId, byte[] box) {
	}

}
