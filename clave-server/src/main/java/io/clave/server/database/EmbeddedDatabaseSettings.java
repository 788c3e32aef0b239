package io.clave.server.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDirectory folder kept across restarts; empty means a throw-away folder (tests)
 * @param port TCP port on loopback; 0 picks a free one
 */
@ConfigurationProperties("clave.database.embedded")
public record EmbeddedDatabaseSettings(String dataDirectory, int port) {

	public EmbeddedDatabaseSettings {
		dataDirectory = dataDirectory == null ? "" : dataDirectory;
	}

}
