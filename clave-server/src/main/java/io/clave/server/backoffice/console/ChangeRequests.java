package io.clave.server.backoffice.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.backoffice.OperatorRole;
import io.clave.server.backoffice.SignedInOperator;
import io.clave.server.backoffice.console.ChangeRequest.Kind;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.softtoken.SoftTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maker–checker: changing a customer's registered mobile or e-mail (after the operator checked the customer's
 * identity at the desk) or resetting the Token digital takes two people. An operator asks; a supervisor other than
 * the one who asked approves or rejects; an approved change is applied and the customer is told on the old and the
 * new channel. Each step is an audit event naming its operator.
 */
@Service
public class ChangeRequests {

	/** What asking or deciding came to. */
	public record Outcome(boolean done, @Nullable String messageKey, Map<String, String> fieldErrors) {

		static Outcome ok(String key) {
			return new Outcome(true, key, Map.of());
		}

		static Outcome refused(String key) {
			return new Outcome(false, key, Map.of());
		}

	}

	private final JdbcClient jdbc;

	private final Users users;

	private final Customers customers;

	private final SoftTokens tokens;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ChangeRequests(JdbcClient jdbc, Users users, Customers customers, SoftTokens tokens, Notifications notifications,
			AuditTrail audit, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.customers = customers;
		this.tokens = tokens;
		this.notifications = notifications;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * An operator asks for a change.
	 * @param identityChecked the operator confirms having checked the customer's identity document at the desk
	 */
	public Outcome request(UUID userId, Kind kind, @Nullable String value, boolean identityChecked,
			SignedInOperator operator, ClientContext client) {
		if (!operator.roles().contains(OperatorRole.OPERATOR.name())) {
			return Outcome.refused("backoffice.requests.not-allowed");
		}
		Optional<User> user = this.users.findById(userId);
		if (user.isEmpty()) {
			return Outcome.refused("backoffice.requests.unknown-customer");
		}
		if (!identityChecked) {
			return new Outcome(false, "form.errors", Map.of("identityChecked", "backoffice.requests.identity-required"));
		}
		String newValue = null;
		if (kind == Kind.CHANGE_MOBILE) {
			Optional<PhoneNumber> mobile = PhoneNumber.parseMobile(value == null ? "" : value);
			if (mobile.isEmpty()) {
				return new Outcome(false, "form.errors", Map.of("value", "backoffice.requests.mobile.invalid"));
			}
			newValue = mobile.get().value();
		}
		else if (kind == Kind.CHANGE_EMAIL) {
			Optional<EmailAddress> email = EmailAddress.parse(value == null ? "" : value);
			if (email.isEmpty()) {
				return new Outcome(false, "form.errors", Map.of("value", "backoffice.requests.email.invalid"));
			}
			newValue = email.get().value();
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO backoffice_requests (id, kind, user_id, new_value, requested_by, requested_at, state)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING')""")
			.params(id, kind.name(), userId, newValue, operator.operatorId(), Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(AuditEvent.success("BACKOFFICE_CHANGE_REQUESTED", "user:" + userId, client)
			.with("by", subject(operator))
			.with("request", id.toString())
			.with("kind", kind.name()));
		return Outcome.ok("backoffice.requests.requested");
	}

	public List<ChangeRequest> pending() {
		return this.jdbc.sql(SELECT + " WHERE r.state = 'PENDING' ORDER BY r.requested_at")
			.query(ChangeRequests::map)
			.list();
	}

	public List<ChangeRequest> forUser(UUID userId) {
		return this.jdbc.sql(SELECT + " WHERE r.user_id = ? ORDER BY r.requested_at DESC LIMIT 10")
			.param(userId)
			.query(ChangeRequests::map)
			.list();
	}

	/** A supervisor decides; never on a request of their own. */
	public Outcome decide(UUID requestId, boolean approve, SignedInOperator supervisor, ClientContext client,
			Locale locale) {
		if (!supervisor.roles().contains(OperatorRole.SUPERVISOR.name())) {
			return Outcome.refused("backoffice.requests.not-allowed");
		}
		Outcome outcome = this.transactions.execute(status -> {
			Optional<ChangeRequest> found = this.jdbc
				.sql(SELECT + " WHERE r.id = ? AND r.state = 'PENDING' FOR UPDATE OF r")
				.param(requestId)
				.query(ChangeRequests::map)
				.optional();
			if (found.isEmpty()) {
				return Outcome.refused("backoffice.requests.gone");
			}
			ChangeRequest request = found.get();
			if (request.requestedBy().equals(supervisor.operatorId())) {
				return Outcome.refused("backoffice.requests.own");
			}
			Instant now = this.clock.instant();
			this.jdbc.sql("UPDATE backoffice_requests SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?")
				.params(approve ? "APPROVED" : "REJECTED", supervisor.operatorId(), Timestamp.from(now), requestId)
				.update();
			if (approve) {
				apply(request, supervisor, client, now, locale);
			}
			return Outcome.ok(approve ? "backoffice.requests.approved" : "backoffice.requests.rejected");
		});
		if (outcome.done()) {
			this.audit.record(AuditEvent
				.success(approve ? "BACKOFFICE_CHANGE_APPROVED" : "BACKOFFICE_CHANGE_REJECTED", subject(supervisor),
						client)
				.with("request", requestId.toString()));
		}
		else {
			this.audit.record(AuditEvent.failure("BACKOFFICE_CHANGE_DECISION", subject(supervisor), client,
					outcome.messageKey() == null ? "refused" : outcome.messageKey())
				.with("request", requestId.toString()));
		}
		return outcome;
	}

	private void apply(ChangeRequest request, SignedInOperator supervisor, ClientContext client, Instant now,
			Locale locale) {
		User user = this.users.findById(request.userId()).orElseThrow();
		Customer before = this.customers.findById(user.customerId()).orElseThrow();
		switch (request.kind()) {
			case CHANGE_MOBILE -> this.customers.updateMobile(before.id(), new PhoneNumber(request.newValue()));
			case CHANGE_EMAIL -> this.customers.updateEmail(before.id(), new EmailAddress(request.newValue()));
			case RESET_TOKEN -> this.tokens.resetByBank(request.userId(), subject(supervisor), client);
		}
		if (request.kind() == Kind.RESET_TOKEN) {
			this.notifications.sendTokenReset(new Recipient(before.firstNames(), before.mobilePhone(), before.email()),
					now, locale);
		}
		else {
			Customer after = this.customers.findById(user.customerId()).orElseThrow();
			this.notifications.sendContactChanged(
					new Recipient(before.firstNames(), before.mobilePhone(), before.email()),
					new Recipient(after.firstNames(), after.mobilePhone(), after.email()),
					request.kind() == Kind.CHANGE_EMAIL ? "EMAIL" : "MOBILE", now, locale);
		}
		this.audit.record(AuditEvent.success("BACKOFFICE_CHANGE_APPLIED", "user:" + request.userId(), client)
			.with("by", subject(supervisor))
			.with("requested-by", "operator:" + request.requestedBy())
			.with("kind", request.kind().name()));
	}

	private static final String SELECT = """
			SELECT r.*, o.display_name AS requested_by_name, c.first_names || ' ' || c.last_names AS customer_name
			FROM backoffice_requests r JOIN operators o ON o.id = r.requested_by
			JOIN users u ON u.id = r.user_id JOIN customers c ON c.id = u.customer_id""";

	private static ChangeRequest map(ResultSet rs, int row) throws SQLException {
		return new ChangeRequest(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
				rs.getObject("user_id", UUID.class), rs.getString("new_value"), rs.getObject("requested_by", UUID.class),
				rs.getString("requested_by_name"), rs.getTimestamp("requested_at").toInstant(), rs.getString("state"),
				rs.getString("customer_name"));
	}

	private static String subject(SignedInOperator operator) {
		return "operator:" + operator.operatorId();
	}

}
