package io.clave.server.banking;

import java.util.List;
import java.util.Optional;

import io.clave.server.identity.SecondFactor;

/**
 * The profile as its page shows it: what the customer may change here, and what only the bank may change (the
 * registered mobile and e-mail, masked).
 *
 * @param questionIds the ids of the challenge questions answered, never the answers
 */
public record ProfileView(String username, String securityImage, Optional<String> securityPhrase,
		List<String> questionIds, Optional<String> homePhone, Optional<String> workPhone, String maskedMobile,
		String maskedEmail, SecondFactor secondFactor) {
}
