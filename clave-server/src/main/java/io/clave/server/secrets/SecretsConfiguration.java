package io.clave.server.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

	@Bean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

	@Bean
	Secrets secrets(SecretsSettings settings, SecureRandom random) {
		return new Secrets(masterKey(settings, random), random);
	}

	private static byte[] masterKey(SecretsSettings settings, SecureRandom random) {
		if (!settings.masterKey().isEmpty()) {
			return Base64.getDecoder().decode(settings.masterKey());
		}
		if (!settings.generateIfMissing()) {
			throw new IllegalStateException(
					"No master key: set CLAVE_MASTER_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
		}
		Path file = Path.of(settings.keyFile()).toAbsolutePath();
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			byte[] key = new byte[32];
			random.nextBytes(key);
			Files.createDirectories(file.getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			restrictToOwner(file);
			log.warn("Generated a new master key in {} (demo only: production sets CLAVE_MASTER_KEY)", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the master key file " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) {
		try {
			Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
					java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
		}
		catch (UnsupportedOperationException | IOException ex) {
			log.debug("Could not restrict permissions of {}", file);
		}
	}

}
