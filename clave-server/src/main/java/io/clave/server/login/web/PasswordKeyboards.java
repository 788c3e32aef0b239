package io.clave.server.login.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The shuffled virtual keyboards of the login: letters and digits for the password (a shift key gives capitals), and
 * digits for the clave temporal. A new order every time, so the positions clicked tell an onlooker or a screen
 * recorder nothing.
 */
@Component
class PasswordKeyboards {

	private static final String CHARACTERS = "abcdefghijklmnñopqrstuvwxyz0123456789";

	private final SecureRandom random;

	PasswordKeyboards(SecureRandom random) {
		this.random = random;
	}

	List<String> shuffled() {
		List<String> keys = new ArrayList<>();
		CHARACTERS.codePoints().forEach(c -> keys.add(new String(Character.toChars(c))));
		Collections.shuffle(keys, this.random);
		return keys;
	}

	List<String> digits() {
		List<String> digits = new ArrayList<>(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
		Collections.shuffle(digits, this.random);
		return digits;
	}

}
