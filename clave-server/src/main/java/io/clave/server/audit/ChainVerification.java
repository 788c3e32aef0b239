package io.clave.server.audit;

import org.jspecify.annotations.Nullable;

/**
 * What {@link AuditVerification#verify()} found.
 *
 * @param checked how many records were checked (all of them when the chain is whole; up to and including the broken
 * one otherwise)
 * @param brokenAt the id of the first record found wrong (or, for {@link Problem#NEWEST_MISSING}, the id the newest
 * record should have); {@code null} when the chain is whole
 * @param problem why; {@code null} when the chain is whole
 */
public record ChainVerification(long checked, @Nullable Long brokenAt, @Nullable Problem problem) {

	public static ChainVerification whole(long checked) {
		return new ChainVerification(checked, null, null);
	}

	public static ChainVerification broken(long checked, long id, Problem problem) {
		return new ChainVerification(checked, id, problem);
	}

	public boolean isWhole() {
		return this.problem == null;
	}

	/** What is wrong with the record {@link #brokenAt()}. */
	public enum Problem {

		/** The record's fields (time, type, outcome, subject, client, details) no longer match its hash. */
		CHANGED("its content was changed after it was written (it does not match its hash)"),

		/** The record does not link to the record before it: a record before it was removed, or it was inserted. */
		NOT_LINKED("it does not link to the record before it: a record before it was removed, or it was inserted"),

		/** The chain's head names a newer record than the last one in the table: the newest records were removed. */
		NEWEST_MISSING("the newest records were removed: the chain's head names this record, which is missing"),

		/** The record is newer than the chain's head: it was written without the audit trail. */
		NOT_IN_HEAD("it was added without the audit trail (it is newer than the chain's head)"),

		/** The chain's head is missing. */
		NO_HEAD("the chain's head (audit_chain_head) is missing");

		private final String description;

		Problem(String description) {
			this.description = description;
		}

		/** In English, for the command line and the logs; pages use their own message keys. */
		public String description() {
			return this.description;
		}

	}

}
