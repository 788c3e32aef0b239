package io.clave.server.backoffice.console;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.backoffice.SignedInOperator;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.LoginHistory;
import io.clave.server.identity.Lockouts;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.login.Sessions;
import io.clave.server.shared.Cedula;
import io.clave.server.shared.ClientContext;
import io.clave.server.softtoken.SoftTokens;
import io.clave.server.softtoken.TokenStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The desk's view of personal customers: search by cédula, username or name; a customer's file (enrolled or not,
 * locked and why, second factor, last logins, the claves temporales sent — never a key); and the actions an operator
 * takes alone: unlock, end every session. Every action is an audit event naming the operator.
 */
@Service
public class CustomerDesk {

	private static final int MAX_HITS = 50;

	private final JdbcClient jdbc;

	private final Users users;

	private final Customers customers;

	private final Lockouts lockouts;

	private final LoginHistory logins;

	private final SoftTokens tokens;

	private final Sessions sessions;

	private final ChangeRequests requests;

	private final AuditTrail audit;

	private final Clock clock;

	CustomerDesk(JdbcClient jdbc, Users users, Customers customers, Lockouts lockouts, LoginHistory logins,
			SoftTokens tokens, Sessions sessions, ChangeRequests requests, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.customers = customers;
		this.lockouts = lockouts;
		this.logins = logins;
		this.tokens = tokens;
		this.sessions = sessions;
		this.requests = requests;
		this.audit = audit;
		this.clock = clock;
	}

	/** Customers with online banking whose cédula, username or name matches (at most 50). */
	public List<CustomerHit> search(String query, SignedInOperator operator, ClientContext client) {
		String text = query == null ? "" : query.strip();
		if (text.length() < 3 || text.length() > 80) {
			return List.of();
		}
		List<CustomerHit> hits;
		Optional<Cedula> cedula = Cedula.parse(text);
		if (cedula.isPresent()) {
			hits = find("c.cedula = ?", cedula.get().value());
		}
		else {
			String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%";
			hits = find("u.username_key = ? OR lower(c.first_names || ' ' || c.last_names) LIKE ?",
					text.toLowerCase(Locale.ROOT), pattern);
		}
		// what was searched is itself personal data: the trail keeps only its shape and the count
		this.audit.record(AuditEvent.success("BACKOFFICE_CUSTOMER_SEARCH", subject(operator), client)
			.with("kind", cedula.isPresent() ? "cedula" : "text")
			.with("hits", Integer.toString(hits.size())));
		return hits;
	}

	/** Company users whose RUC, identity document (cédula or passport), username or name matches (at most 50). */
	public List<CompanyUserHit> searchCompanyUsers(String query) {
		String text = query == null ? "" : query.strip();
		if (text.length() < 3 || text.length() > 80) {
			return List.of();
		}
		String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_") + "%";
		return this.jdbc.sql("""
				SELECT c.id AS company_id, c.ruc, c.legal_name, u.id AS user_id, u.first_names, u.last_names,
				       u.document_number, u.username, u.state
				FROM company_users u JOIN companies c ON c.id = u.company_id
				WHERE u.state <> 'DELETED' AND (c.ruc = ? OR upper(u.document_number) = upper(?)
				      OR u.username_key = ? OR lower(u.first_names || ' ' || u.last_names) LIKE ?)
				ORDER BY c.legal_name, u.last_names, u.first_names LIMIT 50""")
			.params(text, text.replace(" ", "").replace("-", ""), text.toLowerCase(Locale.ROOT), pattern)
			.query((rs, row) -> new CompanyUserHit(rs.getLong("company_id"), rs.getString("ruc"),
					rs.getString("legal_name"), rs.getObject("user_id", UUID.class),
					rs.getString("first_names") + " " + rs.getString("last_names"), rs.getString("document_number"),
					rs.getString("username"), rs.getString("state")))
			.list();
	}

	public Optional<CustomerFile> file(UUID userId, SignedInOperator operator, ClientContext client) {
		Optional<User> found = this.users.findById(userId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		User user = found.get();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		Instant now = this.clock.instant();
		String lockReason = this.jdbc.sql("SELECT lock_reason FROM users WHERE id = ?")
			.param(userId)
			.query(String.class)
			.optional()
			.orElse(null);
		List<CustomerFile.KeySent> keys = this.jdbc.sql("""
				SELECT created_at, channel, state FROM notification_outbox
				WHERE kind = 'ONE_TIME_KEY' AND recipient IN (?, ?, ?) ORDER BY created_at DESC, id DESC LIMIT 10""")
			.params(customer.mobilePhone().value(), customer.mobilePhone().e164(), customer.email().value())
			.query((rs, row) -> new CustomerFile.KeySent(rs.getTimestamp("created_at").toInstant(),
					rs.getString("channel"), rs.getString("state")))
			.list();
		this.audit.record(AuditEvent.success("BACKOFFICE_CUSTOMER_VIEWED", subject(operator), client)
			.with("user", "user:" + userId));
		return Optional.of(new CustomerFile(userId, customer.id(), customer.fullName(), customer.cedula().value(),
				user.username(), customer.mobilePhone().masked(), customer.email().masked(), user.lockedAt(now),
				user.lockedUntil() != null && user.lockedUntil().isAfter(now) ? user.lockedUntil() : null, lockReason,
				user.failedAttempts(), user.secondFactor(), this.tokens.inUse(userId).map(TokenStatus::state).orElse(null),
				this.logins.recent(userId, 5), keys, this.requests.forUser(userId)));
	}

	/** Lifts any lock, temporary or until unlocked; the customer logs in again with the same password. */
	public boolean unlock(UUID userId, SignedInOperator operator, ClientContext client) {
		if (this.users.findById(userId).isEmpty()) {
			return false;
		}
		this.lockouts.unlock(userId);
		this.audit.record(AuditEvent.success("BACKOFFICE_UNLOCK", "user:" + userId, client).with("by",
				subject(operator)));
		return true;
	}

	/** Ends every session of the customer at once (a stolen phone, a shared computer). */
	public int endSessions(UUID userId, SignedInOperator operator, ClientContext client) {
		int ended = this.sessions.endAll(userId, null);
		this.audit.record(AuditEvent.success("BACKOFFICE_SESSIONS_ENDED", "user:" + userId, client)
			.with("by", subject(operator))
			.with("sessions", Integer.toString(ended)));
		return ended;
	}

	private List<CustomerHit> find(String where, Object... params) {
		List<CustomerHit> hits = new ArrayList<>(this.jdbc.sql("""
				SELECT c.id, u.id AS user_id, c.first_names, c.last_names, c.cedula, u.username
				FROM customers c JOIN users u ON u.customer_id = c.id WHERE """ + " " + where
				+ " ORDER BY c.last_names, c.first_names LIMIT " + MAX_HITS)
			.params(params)
			.query((rs, row) -> new CustomerHit(rs.getLong("id"), rs.getObject("user_id", UUID.class),
					rs.getString("first_names") + " " + rs.getString("last_names"), rs.getString("cedula"),
					rs.getString("username")))
			.list());
		return hits;
	}

	static String subject(SignedInOperator operator) {
		return "operator:" + operator.operatorId();
	}

	static Timestamp at(Instant instant) {
		return Timestamp.from(instant);
	}

}
