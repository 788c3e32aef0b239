package io.clave.server.corporate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The people of the affiliated companies. Every read that serves a company's administrator takes the company's id,
 * so that one company's request can never reach another's users.
 */
@Repository
public class CompanyUsers {

	/** A page of a company's users. */
	public record Page(List<CompanyUser> users, int number, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	/** What a new user is, before credentials. */
	public record NewCompanyUser(long companyId, CompanyRole role, IdentityDocument document, String firstNames,
			String lastNames, EmailAddress email, PhoneNumber mobile, ProfileSet profiles) {
	}

	private final JdbcClient jdbc;

	CompanyUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CompanyUser> findById(UUID id) {
		return this.jdbc.sql("SELECT * FROM company_users WHERE id = ?").param(id).query(CompanyUsers::map).optional();
	}

	/** The user when they belong to the company; empty for another company's user and an unknown id alike. */
	public Optional<CompanyUser> findInCompany(long companyId, UUID id) {
		return this.jdbc.sql("SELECT * FROM company_users WHERE id = ? AND company_id = ? AND state <> 'DELETED'")
			.params(id, companyId)
			.query(CompanyUsers::map)
			.optional();
	}

	/** A user who may log in with this username (temporary or definitive), whatever its letter case. */
	public Optional<CompanyUser> findByUsername(String username) {
		return this.jdbc.sql("SELECT * FROM company_users WHERE username_key = ? AND state <> 'DELETED'")
			.param(key(username))
			.query(CompanyUsers::map)
			.optional();
	}

	/** The user a RUC and identity number name together (forgotten credentials), if any. */
	public Optional<CompanyUser> findByRucAndDocument(String ruc, String documentNumber) {
		return this.jdbc.sql("""
				SELECT u.* FROM company_users u JOIN companies c ON c.id = u.company_id
				WHERE c.ruc = ? AND u.document_number = ? AND u.state <> 'DELETED'""")
			.params(ruc, documentNumber)
			.query(CompanyUsers::map)
			.optional();
	}

	public boolean usernameTaken(String username) {
		return this.jdbc.sql("SELECT count(*) FROM company_users WHERE username_key = ? AND state <> 'DELETED'")
			.param(key(username))
			.query(Long.class)
			.single() > 0;
	}

	public boolean documentTaken(long companyId, IdentityDocument document) {
		return this.jdbc.sql("""
				SELECT count(*) FROM company_users
				WHERE company_id = ? AND document_type = ? AND document_number = ? AND state <> 'DELETED'""")
			.params(companyId, document.type().name(), document.number())
			.query(Long.class)
			.single() > 0;
	}

	/** A company's users (not deleted), administrators first, by surname; search in names, username and document. */
	public Page list(long companyId, @Nullable String search, int page, int size) {
		String pattern = search == null || search.isBlank() ? "%"
				: "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
					.replace("_", "\\_") + "%";
		String where = """
				WHERE company_id = ? AND state <> 'DELETED' AND (lower(first_names || ' ' || last_names) LIKE ?
				   OR username_key LIKE ? OR lower(document_number) LIKE ?)""";
		long total = this.jdbc.sql("SELECT count(*) FROM company_users " + where)
			.params(companyId, pattern, pattern, pattern)
			.query(Long.class)
			.single();
		int number = Math.max(0, page);
		List<CompanyUser> users = this.jdbc
			.sql("SELECT * FROM company_users " + where
					+ " ORDER BY role, last_names, first_names, id LIMIT ? OFFSET ?")
			.params(companyId, pattern, pattern, pattern, size, (long) number * size)
			.query(CompanyUsers::map)
			.list();
		return new Page(users, number, size, total);
	}

	public int countAdmins(long companyId) {
		return this.jdbc.sql("SELECT count(*) FROM company_users WHERE company_id = ? AND role = 'ADMIN' AND state <> 'DELETED'")
			.param(companyId)
			.query(Integer.class)
			.single();
	}

	/** Locks the company's users while a change checks a rule over all of them (at least one administrator). */
	public void lockCompany(long companyId) {
		this.jdbc.sql("SELECT id FROM companies WHERE id = ? FOR UPDATE").param(companyId).query(Long.class).optional();
	}

	Optional<CompanyUser> lock(UUID id) {
		return this.jdbc.sql("SELECT * FROM company_users WHERE id = ? FOR UPDATE")
			.param(id)
			.query(CompanyUsers::map)
			.optional();
	}

	/** Files a user with temporary credentials. */
	UUID create(NewCompanyUser user, String username, String passwordHash, Instant expires, String createdBy,
			Instant now) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO company_users (id, company_id, role, document_type, document_number, first_names, last_names,
				    email, mobile_phone, profiles, username, username_key, password_hash, state, credentials_expire_at,
				    created_at, created_by, updated_at, password_changed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'TEMPORARY', ?, ?, ?, ?, ?)""")
			.params(id, user.companyId(), user.role().name(), user.document().type().name(), user.document().number(),
					user.firstNames(), user.lastNames(), user.email().value(), user.mobile().value(),
					user.profiles().name(), username, key(username), passwordHash, Timestamp.from(expires),
					Timestamp.from(now), createdBy, Timestamp.from(now), Timestamp.from(now))
			.update();
		return id;
	}

	/** New temporary credentials for a user who has not created the definitive ones (or must again). */
	void setTemporaryCredentials(UUID id, String username, String passwordHash, Instant expires, Instant now) {
		this.jdbc.sql("""
				UPDATE company_users SET username = ?, username_key = ?, password_hash = ?, state = 'TEMPORARY',
				       credentials_expire_at = ?, failed_attempts = 0, locked_until = NULL, lock_reason = NULL,
				       updated_at = ?, password_changed_at = ?
				WHERE id = ? AND state <> 'DELETED'""")
			.params(username, key(username), passwordHash, Timestamp.from(expires), Timestamp.from(now),
					Timestamp.from(now), id)
			.update();
	}

	/** The definitive username and password replace the temporary ones. */
	public void setDefinitiveCredentials(UUID id, String username, String passwordHash, Instant now) {
		this.jdbc.sql("""
				UPDATE company_users SET username = ?, username_key = ?, password_hash = ?, state = 'ACTIVE',
				       credentials_expire_at = NULL, updated_at = ?, password_changed_at = ?
				WHERE id = ? AND state = 'TEMPORARY'""")
			.params(username, key(username), passwordHash, Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/** A new password; the one it replaces goes to the history. */
	public void changePassword(UUID id, String passwordHash, Instant now) {
		this.jdbc.sql("""
				INSERT INTO company_user_password_history (user_id, password_hash, replaced_at)
				SELECT id, password_hash, ? FROM company_users WHERE id = ?""")
			.params(Timestamp.from(now), id)
			.update();
		this.jdbc.sql("UPDATE company_users SET password_hash = ?, updated_at = ?, password_changed_at = ? WHERE id = ?")
			.params(passwordHash, Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/** The current hash and the last {@code count} replaced ones, newest first. */
	public List<String> recentPasswordHashes(UUID id, int count) {
		return this.jdbc.sql("""
				(SELECT password_hash, now() AS at FROM company_users WHERE id = ?)
				UNION ALL
				(SELECT password_hash, replaced_at FROM company_user_password_history WHERE user_id = ?
				 ORDER BY replaced_at DESC LIMIT ?)
				ORDER BY at DESC""")
			.params(id, id, Math.max(0, count - 1))
			.query((rs, row) -> rs.getString("password_hash"))
			.list();
	}

	public String passwordHash(UUID id) {
		return this.jdbc.sql("SELECT password_hash FROM company_users WHERE id = ?").param(id).query(String.class).single();
	}

	/** An administrator's edit: everything but the identity document (and the username and credentials). */
	void update(UUID id, String firstNames, String lastNames, EmailAddress email, PhoneNumber mobile,
			ProfileSet profiles, CompanyRole role, Instant now) {
		this.jdbc.sql("""
				UPDATE company_users SET first_names = ?, last_names = ?, email = ?, mobile_phone = ?, profiles = ?,
				       role = ?, updated_at = ?
				WHERE id = ? AND state <> 'DELETED'""")
			.params(firstNames, lastNames, email.value(), mobile.value(), profiles.name(), role.name(),
					Timestamp.from(now), id)
			.update();
	}

	/** The record stays for the audit trail; the user can no longer log in and the username is free again. */
	void markDeleted(UUID id, Instant now) {
		this.jdbc.sql("UPDATE company_users SET state = 'DELETED', deleted_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/** Counts a failed login; the caller decides the lock with the lockout rules. */
	public void recordFailure(UUID id, int failedAttempts, @Nullable Instant lockedUntil, int temporaryLocks,
			@Nullable String lockReason) {
		this.jdbc.sql("""
				UPDATE company_users SET failed_attempts = ?, locked_until = ?, temporary_locks = ?, lock_reason = ?
				WHERE id = ?""")
			.params(failedAttempts, lockedUntil == null ? null : Timestamp.from(lockedUntil), temporaryLocks,
					lockReason, id)
			.update();
	}

	public void recordSuccess(UUID id) {
		this.jdbc.sql("""
				UPDATE company_users SET failed_attempts = 0, locked_until = NULL, temporary_locks = 0, lock_reason = NULL
				WHERE id = ?""")
			.param(id)
			.update();
	}

	public Optional<CompanyUser> lockForUpdate(UUID id) {
		return lock(id);
	}

	static String key(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private static CompanyUser map(ResultSet rs, int row) throws SQLException {
		Timestamp expires = rs.getTimestamp("credentials_expire_at");
		Timestamp lockedUntil = rs.getTimestamp("locked_until");
		return new CompanyUser(rs.getObject("id", UUID.class), rs.getLong("company_id"),
				CompanyRole.valueOf(rs.getString("role")),
				new IdentityDocument(IdentityDocument.Type.valueOf(rs.getString("document_type")),
						rs.getString("document_number")),
				rs.getString("first_names"), rs.getString("last_names"), new EmailAddress(rs.getString("email")),
				new PhoneNumber(rs.getString("mobile_phone")), ProfileSet.valueOf(rs.getString("profiles")),
				rs.getString("username"), rs.getString("state"), expires == null ? null : expires.toInstant(),
				rs.getInt("failed_attempts"), lockedUntil == null ? null : lockedUntil.toInstant(),
				rs.getInt("temporary_locks"), rs.getString("lock_reason"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("password_changed_at").toInstant());
	}

}
