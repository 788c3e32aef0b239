package io.clave.server.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The list of common passwords shipped with Clave ({@code identity/common-passwords.txt}). */
@Component
public class CommonPasswords {

	private final Set<String> passwords = new HashSet<>();

	public CommonPasswords() {
		ClassPathResource list = new ClassPathResource("identity/common-passwords.txt");
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.forEach(line -> this.passwords.add(line.toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The common-password list is missing", ex);
		}
	}

	public boolean contains(String password) {
		return this.passwords.contains(password.toLowerCase(Locale.ROOT));
	}

	int size() {
		return this.passwords.size();
	}

}
