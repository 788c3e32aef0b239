package io.clave.server.onetimekey;

import java.time.Instant;

/**
 * The outcome of asking for a key.
 *
 * @param outcome whether a key was sent
 * @param expiresAt when the key sent expires (for ISSUED)
 * @param nextIssueAt when a new key may be asked for, if any is left
 */
public record KeyIssue(Outcome outcome, Instant expiresAt, Instant nextIssueAt) {

	public enum Outcome {

		ISSUED,

		/** Asked again before the cool-down passed. */
		COOL_DOWN,

		/** No new key may be asked for in this flow. */
		LIMIT_REACHED,

		/** The flow ended after too many wrong entries. */
		FLOW_ENDED

	}

}
