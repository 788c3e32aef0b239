package io.clave.server.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes and authenticated encryption under sub-keys derived from one master key, one sub-key per purpose,
 * so that a hash made for card numbers can never be confused with one made for one-time keys.
 */
public final class Secrets {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte FORMAT_VERSION = 1;

	private final byte[] masterKey;

	private final SecureRandom random;

	public Secrets(byte[] masterKey, SecureRandom random) {
		if (masterKey.length < 32) {
			throw new IllegalArgumentException("the master key needs at least 32 bytes");
		}
		this.masterKey = masterKey.clone();
		this.random = random;
	}

	/** HMAC-SHA256 of the value under the sub-key of this purpose. */
	public byte[] hmac(String purpose, String value) {
		return hmac(subKey("hmac:" + purpose), value.getBytes(StandardCharsets.UTF_8));
	}

	/** A UUID derived from the value with the keyed hash of this purpose: stable, and worthless without the key. */
	public UUID uuid(String purpose, String value) {
		ByteBuffer bytes = ByteBuffer.wrap(hmac(purpose, value));
		return new UUID(bytes.getLong(), bytes.getLong());
	}

	public boolean matches(String purpose, String candidate, byte[] expectedHmac) {
		return MessageDigest.isEqual(hmac(purpose, candidate), expectedHmac);
	}

	public byte[] encrypt(String purpose, byte[] plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(subKey("aes:" + purpose), "AES"),
					new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT_VERSION).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	public byte[] decrypt(String purpose, byte[] box) {
		if (box.length < 1 + NONCE_BYTES + TAG_BITS / 8 || box[0] != FORMAT_VERSION) {
			throw new IllegalArgumentException("not a sealed box of this format");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(subKey("aes:" + purpose), "AES"),
					new GCMParameterSpec(TAG_BITS, box, 1, NONCE_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(box, 1 + NONCE_BYTES, box.length - 1 - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("sealed box could not be opened (wrong key or tampered)", ex);
		}
	}

	private byte[] subKey(String label) {
		return hmac(this.masterKey, ("clave-subkey:" + label).getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
