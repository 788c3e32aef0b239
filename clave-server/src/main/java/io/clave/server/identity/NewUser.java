package io.clave.server.identity;

import java.util.Map;

/**
 * Everything enrollment gathered for a new online-banking user, already hashed where it is a secret.
 *
 * @param challengeAnswerHashes question id to the hash of the normalised answer
 */
public record NewUser(long customerId, String username, String passwordHash, String securityImage,
		String securityPhrase, Map<String, String> challengeAnswerHashes, SecondFactor secondFactor) {

	@Override
	public String toString() {
		return "NewUser[customerId=" + this.customerId + ", username=" + this.username + "]";
	}

}
