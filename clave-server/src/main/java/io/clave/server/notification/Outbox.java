package io.clave.server.notification;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.clave.server.secrets.Secrets;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notification_outbox} table. Rows are written in the caller's transaction, so a message exists exactly
 * when the business change that caused it was committed. A body that carries a secret is sealed with AES-GCM and
 * erased in the same update that records its delivery (or that gives it up).
 */
@Component
final class Outbox {

	private static final String SEAL_PURPOSE = "outbox";

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	Outbox(JdbcClient jdbc, Secrets secrets, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void addSms(String kind, PhoneNumber to, String text, boolean containsSecret) {
		insert(kind, Channel.SMS, to.value(), null, text, null, containsSecret);
	}

	void addEmail(String kind, EmailAddress to, MessageTemplates.Email email, boolean containsSecret) {
		insert(kind, Channel.EMAIL, to.value(), email.subject(), email.text(), email.html(), containsSecret);
	}

	private void insert(String kind, Channel channel, String recipient, @Nullable String subject, String text,
			@Nullable String html, boolean containsSecret) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO notification_outbox (kind, channel, recipient, subject, body_text, body_html,
				                                 contains_secret, state, attempts, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(kind, channel.name(), recipient, subject, store(text, containsSecret),
					html == null ? null : store(html, containsSecret), containsSecret, now, now)
			.update();
	}

	/**
	 * Claims up to {@code limit} due messages for this caller until {@code leaseUntil}, in a transaction of its own
	 * that ends before anything is sent. {@code SKIP LOCKED} lets several instances claim at once without waiting
	 * for or taking each other's rows; moving {@code next_attempt_at} to the end of the lease takes the rows out of
	 * everyone else's due set once committed, and gives them back if this instance dies before marking them.
	 */
	List<OutboxMessage> claimDue(Instant now, int limit, Instant leaseUntil) {
		return this.ownTransaction.execute(status -> this.jdbc.sql("""
				WITH due AS (
				    SELECT id FROM notification_outbox
				    WHERE state = 'PENDING' AND next_attempt_at <= ?
				    ORDER BY next_attempt_at, id
				    LIMIT ?
				    FOR UPDATE SKIP LOCKED)
				UPDATE notification_outbox o
				SET attempts = o.attempts + 1, next_attempt_at = ?
				FROM due WHERE o.id = due.id
				RETURNING o.id, o.channel, o.recipient, o.subject, o.body_text, o.body_html, o.contains_secret,
				          o.attempts, o.created_at, o.kind""")
			.params(Timestamp.from(now), limit, Timestamp.from(leaseUntil))
			.query(Outbox::claimed)
			.list());
	}

	/**
	 * Records a delivery, erasing a secret body; {@code last_error} stays, as the story of the attempts before.
	 * Matching on the attempt count makes this a no-op (false) when the claim expired and another instance claimed
	 * the message again in the meantime.
	 */
	boolean markSent(OutboxMessage message, Instant at) {
		return this.ownTransaction.execute(status -> this.jdbc.sql("""
				UPDATE notification_outbox
				SET state = 'SENT', sent_at = ?,
				    body_text = CASE WHEN contains_secret THEN NULL ELSE body_text END,
				    body_html = CASE WHEN contains_secret THEN NULL ELSE body_html END
				WHERE id = ? AND state = 'PENDING' AND attempts = ?""")
			.params(Timestamp.from(at), message.id(), message.attempts())
			.update()) == 1;
	}

	/** Schedules another attempt at {@code retryAt}. */
	boolean markForRetry(OutboxMessage message, String reason, Instant retryAt) {
		return this.ownTransaction.execute(status -> this.jdbc.sql("""
				UPDATE notification_outbox SET next_attempt_at = ?, last_error = ?
				WHERE id = ? AND state = 'PENDING' AND attempts = ?""")
			.params(Timestamp.from(retryAt), truncate(reason), message.id(), message.attempts())
			.update()) == 1;
	}

	/** Gives a message up; a secret in it is erased, since it could only go stale. */
	boolean markFailed(OutboxMessage message, String reason) {
		return this.ownTransaction.execute(status -> this.jdbc.sql("""
				UPDATE notification_outbox
				SET state = 'FAILED', last_error = ?,
				    body_text = CASE WHEN contains_secret THEN NULL ELSE body_text END,
				    body_html = CASE WHEN contains_secret THEN NULL ELSE body_html END
				WHERE id = ? AND state = 'PENDING' AND attempts = ?""")
			.params(truncate(reason), message.id(), message.attempts())
			.update()) == 1;
	}

	/** The messages not yet delivered nor given up. */
	long backlog() {
		return this.jdbc.sql("SELECT count(*) FROM notification_outbox WHERE state = 'PENDING'")
			.query(Long.class)
			.single();
	}

	/** A stored body as it is to be sent. */
	String open(OutboxMessage message, String stored) {
		if (!message.containsSecret()) {
			return stored;
		}
		return new String(this.secrets.decrypt(SEAL_PURPOSE, Base64.getDecoder().decode(stored)),
				StandardCharsets.UTF_8);
	}

	private String store(String body, boolean secret) {
		return secret
				? Base64.getEncoder().encodeToString(this.secrets.encrypt(SEAL_PURPOSE, body.getBytes(StandardCharsets.UTF_8)))
				: body;
	}

	private static String truncate(String reason) {
		return reason.length() > 250 ? reason.substring(0, 250) : reason;
	}

	private static OutboxMessage claimed(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
				rs.getBoolean("contains_secret"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("kind"));
	}

}
