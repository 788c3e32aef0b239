package io.clave.server.corebanking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The core-banking import ({@code clave.core-banking-import}, docs/core-banking-import.md).
 *
 * @param batchSize rows copied, checked and upserted in one transaction
 * @param progressEvery how often, in rows, progress is reported
 * @param reportLimit how many rejected rows the report keeps (all are counted; the command prints every one)
 */
@ConfigurationProperties("clave.core-banking-import")
public record ImportSettings(@DefaultValue("20000") int batchSize, @DefaultValue("50000") int progressEvery,
		@DefaultValue("1000") int reportLimit) {

	public ImportSettings {
		batchSize = Math.max(1, batchSize);
		progressEvery = Math.max(1, progressEvery);
		reportLimit = Math.max(0, reportLimit);
	}

}
