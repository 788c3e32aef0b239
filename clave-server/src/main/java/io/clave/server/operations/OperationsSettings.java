package io.clave.server.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the actuator's metrics.
 *
 * @param metricsToken the bearer token a Prometheus scraper sends to read {@code /actuator/prometheus}; empty lets
 * nobody read it. At least 32 characters, so that it cannot be guessed.
 */
@ConfigurationProperties("clave.operations")
record OperationsSettings(@DefaultValue("") String metricsToken) {

	static final int MIN_TOKEN_LENGTH = 32;

	OperationsSettings {
		metricsToken = metricsToken.strip();
		if (!metricsToken.isEmpty() && metricsToken.length() < MIN_TOKEN_LENGTH) {
			throw new IllegalArgumentException("clave.operations.metrics-token (CLAVE_METRICS_TOKEN) must have at least "
					+ MIN_TOKEN_LENGTH + " characters, e.g. `openssl rand -hex 32`; leave it empty to close the metrics");
		}
	}

}
