package io.clave.server.corebanking;

/** What an import did to one kind of record: created, changed, and found exactly as the file has it. */
public record ImportCounts(long created, long updated, long unchanged) {

	static final ImportCounts NONE = new ImportCounts(0, 0, 0);

	ImportCounts plus(ImportCounts other) {
		return new ImportCounts(this.created + other.created, this.updated + other.updated,
				this.unchanged + other.unchanged);
	}

	public long total() {
		return this.created + this.updated + this.unchanged;
	}

	@Override
	public String toString() {
		return this.created + " new, " + this.updated + " updated, " + this.unchanged + " unchanged";
	}

}
