package io.clave.server.corebanking;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one import: the data rows read, the rows loaded and rejected, what happened to customers, cards
 * and accounts, the first rejections (up to {@code clave.core-banking-import.report-limit}) and the time taken.
 */
public record ImportReport(long rows, long loaded, long rejected, ImportCounts customers, ImportCounts cards,
		ImportCounts accounts, List<ImportRejection> rejections, Duration elapsed) {

	/** Whether the file changed nothing in the registry (a second run of the same file). */
	public boolean changedNothing() {
		return this.customers.created() + this.customers.updated() + this.cards.created() + this.cards.updated()
				+ this.accounts.created() + this.accounts.updated() == 0;
	}

	public long rowsPerSecond() {
		long millis = Math.max(1, this.elapsed.toMillis());
		return this.rows * 1000 / millis;
	}

	/** Whether some rejections were counted but not kept in {@link #rejections()}. */
	public boolean rejectionsCut() {
		return this.rejections.size() < this.rejected;
	}

}
