package io.clave.server.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the master key comes from.
 *
 * @param masterKey base64 of at least 32 random bytes; required in production (CLAVE_MASTER_KEY)
 * @param generateIfMissing create a key file in {@code keyFile} when no master key is given (demo only)
 * @param keyFile where a generated key is kept
 */
@ConfigurationProperties("clave.secrets")
public record SecretsSettings(String masterKey, boolean generateIfMissing, String keyFile) {

	public SecretsSettings {
		masterKey = masterKey == null ? "" : masterKey.strip();
		keyFile = keyFile == null || keyFile.isBlank() ? "./data/secrets/master.key" : keyFile;
	}

}
