package io.clave.server.onetimekey;

import java.time.Instant;
import java.util.Optional;

/**
 * What a page needs to show about the keys of a flow.
 *
 * @param activeKeyExpiresAt expiry of the key that can still be entered, if any
 * @param nextIssueAt when a new key may be asked for; empty when none is left
 * @param wrongEntriesLeft wrong entries left in the flow
 */
public record KeyStatus(Optional<Instant> activeKeyExpiresAt, Optional<Instant> nextIssueAt, int wrongEntriesLeft,
		boolean flowEnded) {
}
