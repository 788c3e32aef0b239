package io.clave.server.audit;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param page the page's number, from 0
 * @param hasNext whether an older page follows
 */
public record AuditResults(List<RecordedAuditEvent> events, int page, int size, boolean hasNext) {
}
