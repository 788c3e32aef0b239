package io.clave.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Walks the records in id order, recomputing each hash: the first record whose content does not match its hash, or
 * whose link does not match the previous record's hash, breaks the chain; at the end the last record must be the
 * chain's head (which the trail writes with each record), so that removing the newest records, or appending records
 * without the trail, is seen too. Gaps in the ids are not evidence by themselves: a record whose insert fails leaves
 * one; a removed record shows as the next record's broken link.
 */
final class ChainCheck {

	static final byte[] GENESIS = new byte[32];

	private final @Nullable Long headId;

	private final byte @Nullable [] headHash;

	private byte[] previous = GENESIS;

	private long lastId;

	private long checked;

	private @Nullable ChainVerification broken;

	/**
	 * @param headId the id the chain's head names (0 for an empty trail), {@code null} if the head is missing
	 * @param headHash the hash the chain's head holds
	 */
	ChainCheck(@Nullable Long headId, byte @Nullable [] headHash) {
		this.headId = headId;
		this.headHash = headHash;
	}

	/** @return whether to go on (false once the chain is broken) */
	boolean accept(long id, Instant at, String type, String outcome, String subject, String ip, String userAgent,
			String details, byte[] previousHash, byte[] hash) {
		if (this.broken != null) {
			return false;
		}
		this.checked++;
		if (this.headId != null && id > this.headId) {
			this.broken = ChainVerification.broken(this.checked, id, ChainVerification.Problem.NOT_IN_HEAD);
			return false;
		}
		if (!MessageDigest.isEqual(this.previous, previousHash)) {
			this.broken = ChainVerification.broken(this.checked, id, ChainVerification.Problem.NOT_LINKED);
			return false;
		}
		byte[] expected = hash(previousHash, at, type, outcome, subject, ip, userAgent, details);
		if (!MessageDigest.isEqual(expected, hash)) {
			this.broken = ChainVerification.broken(this.checked, id, ChainVerification.Problem.CHANGED);
			return false;
		}
		this.previous = hash;
		this.lastId = id;
		return true;
	}

	/** The result, once every record was given to {@link #accept} (or it returned false). */
	ChainVerification finish() {
		if (this.broken != null) {
			return this.broken;
		}
		Long headId = this.headId;
		if (headId == null || this.headHash == null) {
			return ChainVerification.broken(this.checked, this.lastId, ChainVerification.Problem.NO_HEAD);
		}
		if (this.lastId != headId || !MessageDigest.isEqual(this.previous, this.headHash)) {
			return ChainVerification.broken(this.checked, headId, this.lastId < headId
					? ChainVerification.Problem.NEWEST_MISSING : ChainVerification.Problem.CHANGED);
		}
		return ChainVerification.whole(this.checked);
	}

	static byte[] hash(byte[] previous, Instant at, String type, String outcome, String subject, String ip,
			String userAgent, String details) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previous);
			for (String field : new String[] { at.toString(), type, outcome, subject, ip, userAgent, details }) {
				byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
				sha256.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
						(byte) (bytes.length >>> 8), (byte) bytes.length });
				sha256.update(bytes);
			}
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
