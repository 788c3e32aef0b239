package io.clave.server.corebanking;

/** Follows an import as it runs: the command prints both, the page keeps only the final report. */
public interface ImportListener {

	ImportListener NONE = new ImportListener() {
	};

	/** Every {@code clave.core-banking-import.progress-every} rows, and once at the end. */
	default void progress(long rowsRead, long loaded, long rejected) {
	}

	/** Each rejected row, as soon as it is known. */
	default void rejected(ImportRejection rejection) {
	}

}
