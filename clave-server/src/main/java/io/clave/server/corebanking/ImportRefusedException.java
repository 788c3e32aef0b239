package io.clave.server.corebanking;

/** The whole file was refused before any row was loaded. */
public class ImportRefusedException extends RuntimeException {

	public enum Reason {

		/** The first line is not the header of docs/core-banking-import.md. */
		NOT_THE_FORMAT("the first line is not the header: " + ImportFormat.HEADER),

		/** Another import is running against this database (one at a time). */
		ANOTHER_IMPORT_RUNNING("another import is running; try again when it has finished");

		private final String text;

		Reason(String text) {
			this.text = text;
		}

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

		public String text() {
			return this.text;
		}

	}

	private final Reason reason;

	ImportRefusedException(Reason reason) {
		super(reason.text());
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
