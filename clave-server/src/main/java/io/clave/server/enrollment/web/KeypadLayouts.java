package io.clave.server.enrollment.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The digit order of the virtual keyboard, shuffled every time it is shown so that the positions clicked say nothing
 * about the key to someone watching or recording the screen.
 */
@Component
class KeypadLayouts {

	private final SecureRandom random;

	KeypadLayouts(SecureRandom random) {
		this.random = random;
	}

	List<Integer> shuffled() {
		List<Integer> digits = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
		Collections.shuffle(digits, this.random);
		return digits;
	}

}
