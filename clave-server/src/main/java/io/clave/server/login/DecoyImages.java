package io.clave.server.login;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.clave.server.identity.SecurityImage;
import io.clave.server.identity.SecurityImages;
import io.clave.server.secrets.Secrets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The image and phrase shown for a username that does not exist. They are chosen from the username with a keyed
 * hash, so the same unknown username always shows the same ones (as a real one would) and nobody without the server's
 * key can tell a decoy from a customer's choice.
 */
@Component
class DecoyImages {

	private final SecurityImages images;

	private final Secrets secrets;

	private final List<String> phrases;

	DecoyImages(SecurityImages images, Secrets secrets) {
		this.images = images;
		this.secrets = secrets;
		this.phrases = load();
	}

	Decoy forUsername(String usernameKey) {
		ByteBuffer hash = ByteBuffer.wrap(this.secrets.hmac("login-decoy", usernameKey));
		List<SecurityImage> all = this.images.all();
		SecurityImage image = all.get(Math.floorMod(hash.getInt(), all.size()));
		int phrase = Math.floorMod(hash.getInt(), this.phrases.size() + 4);
		// some customers leave the phrase empty; so do some decoys
		return new Decoy(image, phrase < this.phrases.size() ? this.phrases.get(phrase) : "");
	}

	record Decoy(SecurityImage image, String phrase) {
	}

	private static List<String> load() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("login/decoy-phrases.txt").getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
