package io.clave.server.corporate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.corporate.PendingUserChange.Kind;
import io.clave.server.corporate.PendingUserChange.ProposedUser;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The administrators' changes waiting for confirmation (V19). Every read takes the company and the administrator who
 * asked: a change is nobody else's to see or confirm. What the change sets is sealed with AES-GCM.
 */
@Repository
class CompanyUserChanges {

	private static final String PURPOSE = "company-user-change";

	/** Between the fields of the sealed payload; none of the checked values can hold it. */
	private static final String SEPARATOR = "\u001F";

	private final JdbcClient jdbc;

	private final Secrets secrets;

	CompanyUserChanges(JdbcClient jdbc, Secrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	void insert(UUID id, long companyId, UUID requestedBy, Kind kind, UUID targetId, ProposedUser proposed,
			List<String> changedFields, boolean needsKey, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO company_user_changes (id, company_id, requested_by, kind, target_id, payload, needs_key, state,
				    created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(id, companyId, requestedBy, kind.name(), targetId, seal(id, proposed, changedFields), needsKey,
					Timestamp.from(now), Timestamp.from(expiresAt))
			.update();
	}

	Optional<PendingUserChange> find(long companyId, UUID requestedBy, UUID id) {
		return this.jdbc.sql("SELECT * FROM company_user_changes WHERE id = ? AND company_id = ? AND requested_by = ?")
			.params(id, companyId, requestedBy)
			.query(this::map)
			.optional();
	}

	Optional<PendingUserChange> lock(long companyId, UUID requestedBy, UUID id) {
		return this.jdbc
			.sql("SELECT * FROM company_user_changes WHERE id = ? AND company_id = ? AND requested_by = ? FOR UPDATE")
			.params(id, companyId, requestedBy)
			.query(this::map)
			.optional();
	}

	void markDone(UUID id, UUID resultId, Instant now) {
		this.jdbc.sql("UPDATE company_user_changes SET state = 'DONE', result_id = ?, done_at = ? WHERE id = ?")
			.params(resultId, Timestamp.from(now), id)
			.update();
	}

	void drop(UUID id, Instant now) {
		this.jdbc.sql("UPDATE company_user_changes SET state = 'DROPPED', done_at = ? WHERE id = ? AND state = 'PENDING'")
			.params(Timestamp.from(now), id)
			.update();
	}

	private byte[] seal(UUID id, ProposedUser proposed, List<String> changedFields) {
		String text = String.join(SEPARATOR, id.toString(), proposed.document().type().name(),
				proposed.document().number(), proposed.firstNames(), proposed.lastNames(), proposed.email().value(),
				proposed.mobile().value(), proposed.profiles().name(), proposed.role().name(),
				String.join(",", changedFields));
		return this.secrets.encrypt(PURPOSE, text.getBytes(StandardCharsets.UTF_8));
	}

	private PendingUserChange map(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String[] fields = new String(this.secrets.decrypt(PURPOSE, rs.getBytes("payload")), StandardCharsets.UTF_8)
			.split(SEPARATOR, -1);
		if (fields.length != 10 || !fields[0].equals(id.toString())) {
			throw new IllegalStateException("the sealed change does not belong to its row");
		}
		ProposedUser proposed = new ProposedUser(
				new IdentityDocument(IdentityDocument.Type.valueOf(fields[1]), fields[2]), fields[3], fields[4],
				new EmailAddress(fields[5]), new PhoneNumber(fields[6]), ProfileSet.valueOf(fields[7]),
				CompanyRole.valueOf(fields[8]));
		List<String> changed = fields[9].isEmpty() ? List.of() : Arrays.asList(fields[9].split(","));
		return new PendingUserChange(id, Kind.valueOf(rs.getString("kind")), rs.getObject("target_id", UUID.class),
				rs.getBoolean("needs_key"), rs.getString("state"), proposed, List.copyOf(changed),
				rs.getTimestamp("expires_at").toInstant(), rs.getObject("result_id", UUID.class));
	}

}
