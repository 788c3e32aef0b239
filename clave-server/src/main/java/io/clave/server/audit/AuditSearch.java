package io.clave.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit trail for auditors: a page of a search, newest first, or all of it (capped) for an export. Reads
 * through the application's pool, never the trail's own connections, which every login needs.
 */
@Service
public class AuditSearch {

	/** A whole subject, {@code <kind>:<id>}: matched exactly (and through the subject index). */
	private static final Pattern WHOLE_SUBJECT = Pattern.compile("[a-z][a-z-]*:[^\\s%_]+");

	private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	private final ObjectMapper json;

	AuditSearch(DataSource dataSource, ObjectMapper json) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(500);
		this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
	}

	/** @param page from 0 @param size 1 to 100 */
	public AuditResults search(AuditQuery query, int page, int size) {
		if (page < 0 || size < 1 || size > 100) {
			throw new IllegalArgumentException("page from 0, size 1 to 100");
		}
		List<Object> params = new ArrayList<>();
		String where = where(query, params);
		params.add(size + 1);
		params.add((long) page * size);
		List<RecordedAuditEvent> rows = this.jdbc.query("SELECT id, occurred_at, type, outcome, subject, ip_address,"
				+ " user_agent, details::text AS details FROM audit_events" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
				this::map, params.toArray());
		boolean hasNext = rows.size() > size;
		return new AuditResults(hasNext ? List.copyOf(rows.subList(0, size)) : List.copyOf(rows), page, size, hasNext);
	}

	/**
	 * Gives every matching record, newest first, to {@code each}, at most {@code limit} of them, streamed from the
	 * database (a cursor), so that a large export never sits in memory.
	 *
	 * @return how many records were given
	 */
	public long export(AuditQuery query, int limit, Consumer<RecordedAuditEvent> each) {
		List<Object> params = new ArrayList<>();
		String where = where(query, params);
		params.add(limit);
		long[] count = { 0 };
		this.readOnly.executeWithoutResult(status -> this.jdbc.query("SELECT id, occurred_at, type, outcome, subject,"
				+ " ip_address, user_agent, details::text AS details FROM audit_events" + where
				+ " ORDER BY id DESC LIMIT ?", (ResultSet rs) -> {
					each.accept(map(rs, 0));
					count[0]++;
				}, params.toArray()));
		return count[0];
	}

	/** The event types recorded so far, alphabetically (a loose index scan of the type index). */
	public List<String> types() {
		return this.jdbc.queryForList("""
				WITH RECURSIVE t AS (
				    (SELECT type FROM audit_events ORDER BY type LIMIT 1)
				    UNION ALL
				    SELECT (SELECT a.type FROM audit_events a WHERE a.type > t.type ORDER BY a.type LIMIT 1)
				    FROM t WHERE t.type IS NOT NULL)
				SELECT type FROM t WHERE type IS NOT NULL""", String.class);
	}

	private static String where(AuditQuery query, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		String person = query.person() == null ? "" : query.person().strip();
		if (!person.isEmpty()) {
			if (WHOLE_SUBJECT.matcher(person.toLowerCase(Locale.ROOT)).matches()) {
				conditions.add("(subject = ? OR subject = ?)");
				params.add(person);
				params.add(person.toLowerCase(Locale.ROOT));
			}
			else {
				conditions.add("subject ILIKE ? ESCAPE '\\'");
				params.add("%" + person.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		if (query.type() != null && !query.type().isBlank()) {
			conditions.add("type = ?");
			params.add(query.type().strip());
		}
		if (query.from() != null) {
			conditions.add("occurred_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.until() != null) {
			conditions.add("occurred_at < ?");
			params.add(Timestamp.from(query.until()));
		}
		if (query.outcome() != null) {
			conditions.add("outcome = ?");
			params.add(query.outcome().name());
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private RecordedAuditEvent map(ResultSet rs, int row) throws SQLException {
		return new RecordedAuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("type"), Outcome.valueOf(rs.getString("outcome")), rs.getString("subject"),
				rs.getString("ip_address"), rs.getString("user_agent"),
				this.json.readValue(rs.getString("details"), DETAILS));
	}

}
