package io.clave.server.audit;

import java.util.TreeMap;

import javax.sql.DataSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the whole audit trail: every record's hash against its content, every link against the previous record's
 * hash, and the last record against the chain's head (see {@link ChainCheck}). Reads one consistent snapshot
 * (repeatable read), streamed, through the application's pool, so that a long check never holds the trail's own
 * connections, which every login needs. Used by the {@code audit verify} command and the console's "Verificar
 * cadena".
 */
@Service
public class AuditVerification {

	private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate snapshot;

	private final ObjectMapper json;

	AuditVerification(DataSource dataSource, ObjectMapper json) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(1000);
		this.snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
	}

	public ChainVerification verify() {
		ChainVerification result = this.snapshot.execute(status -> {
			ChainCheck check = this.jdbc.query("SELECT last_id, last_hash FROM audit_chain_head", rs -> rs.next()
					? new ChainCheck(rs.getLong("last_id"), rs.getBytes("last_hash")) : new ChainCheck(null, null));
			boolean[] goOn = { true };
			this.jdbc.query("""
					SELECT id, occurred_at, type, outcome, subject, ip_address, user_agent, details::text AS details,
					       previous_hash, hash
					FROM audit_events ORDER BY id""", rs -> {
				if (goOn[0]) {
					goOn[0] = check.accept(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
							rs.getString("type"), rs.getString("outcome"), rs.getString("subject"),
							rs.getString("ip_address"), rs.getString("user_agent"), canonical(rs.getString("details")),
							rs.getBytes("previous_hash"), rs.getBytes("hash"));
				}
			});
			return check.finish();
		});
		return result;
	}

	/** The details as the trail hashed them: the JSON of the sorted map. */
	private String canonical(String details) {
		return this.json.writeValueAsString(this.json.readValue(details, DETAILS));
	}

}
