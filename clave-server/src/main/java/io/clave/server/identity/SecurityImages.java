package io.clave.server.identity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The gallery of security images made for Clave ({@code identity/security-images.properties}). */
@Component
public class SecurityImages {

	private final List<SecurityImage> images;

	SecurityImages() {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(
				new ClassPathResource("identity/security-images.properties").getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The security image list is missing", ex);
		}
		List<SecurityImage> loaded = new ArrayList<>();
		for (String id : properties.stringPropertyNames()) {
			String[] names = properties.getProperty(id).split("\\|", 2);
			loaded.add(new SecurityImage(id, names[0].strip(), names.length > 1 ? names[1].strip() : names[0].strip()));
		}
		loaded.sort(Comparator.comparing(SecurityImage::id));
		this.images = List.copyOf(loaded);
	}

	public List<SecurityImage> all() {
		return this.images;
	}

	public Optional<SecurityImage> find(String id) {
		return this.images.stream().filter(image -> image.id().equals(id)).findFirst();
	}

}
