package io.clave.server.onetimekey;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.notification.Channels;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.secrets.Secrets;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks claves temporales. The key exists in clear only on the stack between its generation and the
 * notification outbox, which encrypts it; the database keeps an HMAC bound to the flow and the purpose.
 * <p>
 * Meters: {@code clave.one_time_keys.sent} (per purpose and channels; a key handed to the outbox, whose delivery
 * {@code clave.outbox.*} measures) and {@code clave.one_time_keys.verified} (per purpose and outcome, a
 * {@link KeyCheck}).
 */
@Service
public class OneTimeKeys {

	private static final String HMAC_PURPOSE = "one-time-key";

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final Notifications notifications;

	private final OneTimeKeySettings settings;

	private final SecureRandom random;

	private final Clock clock;

	private final MeterRegistry meters;

	OneTimeKeys(JdbcClient jdbc, Secrets secrets, Notifications notifications, OneTimeKeySettings settings,
			SecureRandom random, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.notifications = notifications;
		this.settings = settings;
		this.random = random;
		this.clock = clock;
		this.meters = meters;
	}

	/** Generates a key, kills the previous one and sends the new one, in the caller's transaction. */
	@Transactional
	public KeyIssue issue(UUID flowId, KeyPurpose purpose, Recipient to, Channels channels, Locale locale) {
		return issue(flowId, purpose, to, channels, locale, null);
	}

	/**
	 * Like {@link #issue(UUID, KeyPurpose, Recipient, Channels, Locale)}, for a key that authorises one operation:
	 * its message names the operation's amount and masked destination (dynamic linking).
	 */
	@Transactional
	public KeyIssue issue(UUID flowId, KeyPurpose purpose, Recipient to, Channels channels, Locale locale,
			@Nullable LinkedOperation operation) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO one_time_key_flows (flow_id, purpose, keys_issued, wrong_total, state, created_at)
				VALUES (?, ?, 0, 0, 'OPEN', ?) ON CONFLICT DO NOTHING""")
			.params(flowId, purpose.name(), Timestamp.from(now))
			.update();
		Flow flow = lockFlow(flowId, purpose).orElseThrow();
		if (flow.ended()) {
			return new KeyIssue(KeyIssue.Outcome.FLOW_ENDED, null, null);
		}
		if (flow.keysIssued() > 0) {
			if (flow.keysIssued() > this.settings.maxResends()) {
				return new KeyIssue(KeyIssue.Outcome.LIMIT_REACHED, null, null);
			}
			Instant allowedAt = flow.lastIssuedAt().plus(this.settings.resendCoolDown());
			if (now.isBefore(allowedAt)) {
				return new KeyIssue(KeyIssue.Outcome.COOL_DOWN, null, allowedAt);
			}
		}
		String key = newKey();
		Instant expiresAt = now.plus(this.settings.lifetime());
		this.jdbc.sql("UPDATE one_time_keys SET state = 'REPLACED' WHERE flow_id = ? AND purpose = ? AND state = 'ACTIVE'")
			.params(flowId, purpose.name())
			.update();
		this.jdbc.sql("""
				INSERT INTO one_time_keys (flow_id, purpose, key_hmac, issued_at, expires_at, wrong_attempts, state)
				VALUES (?, ?, ?, ?, ?, 0, 'ACTIVE')""")
			.params(flowId, purpose.name(), hmac(flowId, purpose, key), Timestamp.from(now), Timestamp.from(expiresAt))
			.update();
		this.jdbc.sql("""
				UPDATE one_time_key_flows SET keys_issued = keys_issued + 1, last_issued_at = ?
				WHERE flow_id = ? AND purpose = ?""")
			.params(Timestamp.from(now), flowId, purpose.name())
			.update();
		if (operation == null) {
			this.notifications.sendOneTimeKey(to, channels, purpose.name(), key, this.settings.lifetime(), locale);
		}
		else {
			this.notifications.sendOperationKey(to, channels, key, this.settings.lifetime(), operation.kind(),
					operation.amount(), operation.maskedDestination(), locale);
		}
		this.meters
			.counter("clave.one_time_keys.sent", "purpose", tag(purpose.name()), "channel", tag(channels.name()))
			.increment();
		Instant nextIssueAt = flow.keysIssued() + 1 > this.settings.maxResends() ? null
				: now.plus(this.settings.resendCoolDown());
		return new KeyIssue(KeyIssue.Outcome.ISSUED, expiresAt, nextIssueAt);
	}

	/**
	 * Checks a key. Runs in a transaction of its own so that a wrong entry is counted even if the caller's work rolls
	 * back; the flow row is locked, so of two concurrent submissions of the same key exactly one is accepted.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public KeyCheck verify(UUID flowId, KeyPurpose purpose, String candidate) {
		return counted(purpose, check(flowId, purpose, candidate));
	}

	/**
	 * Checks a key in the caller's transaction, for a caller that holds a lock of its own over the check and what
	 * follows it (so that concurrent submissions are seen one after the other). A wrong entry counts only if the
	 * caller commits, so the caller must not roll back after a refusal.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public KeyCheck verifyWithin(UUID flowId, KeyPurpose purpose, String candidate) {
		return counted(purpose, check(flowId, purpose, candidate));
	}

	private KeyCheck counted(KeyPurpose purpose, KeyCheck outcome) {
		this.meters
			.counter("clave.one_time_keys.verified", "purpose", tag(purpose.name()), "outcome", tag(outcome.name()))
			.increment();
		return outcome;
	}

	private static String tag(String constant) {
		return constant.toLowerCase(java.util.Locale.ROOT);
	}

	private KeyCheck check(UUID flowId, KeyPurpose purpose, String candidate) {
		Optional<Flow> found = lockFlow(flowId, purpose);
		if (found.isEmpty()) {
			return KeyCheck.NO_KEY;
		}
		Flow flow = found.get();
		if (flow.ended()) {
			return KeyCheck.FLOW_ENDED;
		}
		Optional<ActiveKey> active = this.jdbc.sql("""
				SELECT id, key_hmac, expires_at, wrong_attempts FROM one_time_keys
				WHERE flow_id = ? AND purpose = ? AND state = 'ACTIVE' ORDER BY id DESC LIMIT 1""")
			.params(flowId, purpose.name())
			.query((rs, row) -> new ActiveKey(rs.getLong("id"), rs.getBytes("key_hmac"),
					rs.getTimestamp("expires_at").toInstant(), rs.getInt("wrong_attempts")))
			.optional();
		if (active.isEmpty()) {
			return lastKeyWasExhausted(flowId, purpose) ? KeyCheck.EXHAUSTED : KeyCheck.NO_KEY;
		}
		ActiveKey key = active.get();
		Instant now = this.clock.instant();
		if (!now.isBefore(key.expiresAt())) {
			setKeyState(key.id(), "EXPIRED");
			return KeyCheck.EXPIRED;
		}
		String normalised = candidate == null ? "" : candidate.strip();
		if (normalised.length() <= 20 && this.secrets.matches(HMAC_PURPOSE, material(flowId, purpose, normalised),
				key.hmac())) {
			setKeyState(key.id(), "USED");
			this.jdbc.sql("UPDATE one_time_key_flows SET wrong_total = 0 WHERE flow_id = ? AND purpose = ?")
				.params(flowId, purpose.name())
				.update();
			return KeyCheck.ACCEPTED;
		}
		int wrongOnKey = key.wrongAttempts() + 1;
		int wrongInFlow = flow.wrongTotal() + 1;
		this.jdbc.sql("UPDATE one_time_keys SET wrong_attempts = ? WHERE id = ?").params(wrongOnKey, key.id()).update();
		this.jdbc.sql("UPDATE one_time_key_flows SET wrong_total = ? WHERE flow_id = ? AND purpose = ?")
			.params(wrongInFlow, flowId, purpose.name())
			.update();
		if (wrongInFlow >= this.settings.maxWrongPerFlow()) {
			setKeyState(key.id(), "EXHAUSTED");
			this.jdbc.sql("UPDATE one_time_key_flows SET state = 'ENDED' WHERE flow_id = ? AND purpose = ?")
				.params(flowId, purpose.name())
				.update();
			return KeyCheck.FLOW_ENDED;
		}
		if (wrongOnKey >= this.settings.maxWrongPerKey()) {
			setKeyState(key.id(), "EXHAUSTED");
			if (flow.keysIssued() > this.settings.maxResends()) {
				this.jdbc.sql("UPDATE one_time_key_flows SET state = 'ENDED' WHERE flow_id = ? AND purpose = ?")
					.params(flowId, purpose.name())
					.update();
				return KeyCheck.FLOW_ENDED;
			}
			return KeyCheck.EXHAUSTED;
		}
		return KeyCheck.WRONG;
	}

	@Transactional(readOnly = true)
	/** Whether any key was ever issued in this flow. */
	public boolean started(UUID flowId, KeyPurpose purpose) {
		return this.jdbc.sql("SELECT count(*) FROM one_time_key_flows WHERE flow_id = ? AND purpose = ?")
			.params(flowId, purpose.name())
			.query(Long.class)
			.single() > 0;
	}

	public KeyStatus status(UUID flowId, KeyPurpose purpose) {
		Optional<Flow> found = this.jdbc.sql("SELECT * FROM one_time_key_flows WHERE flow_id = ? AND purpose = ?")
			.params(flowId, purpose.name())
			.query(OneTimeKeys::mapFlow)
			.optional();
		if (found.isEmpty()) {
			return new KeyStatus(Optional.empty(), Optional.of(this.clock.instant()),
					this.settings.maxWrongPerFlow(), false);
		}
		Flow flow = found.get();
		Optional<Instant> expiry = this.jdbc.sql("""
				SELECT expires_at FROM one_time_keys WHERE flow_id = ? AND purpose = ? AND state = 'ACTIVE'
				AND expires_at > ? ORDER BY id DESC LIMIT 1""")
			.params(flowId, purpose.name(), Timestamp.from(this.clock.instant()))
			.query((rs, row) -> rs.getTimestamp("expires_at").toInstant())
			.optional();
		Optional<Instant> next = flow.ended() || flow.keysIssued() > this.settings.maxResends() ? Optional.empty()
				: Optional.of(flow.lastIssuedAt() == null ? this.clock.instant()
						: flow.lastIssuedAt().plus(this.settings.resendCoolDown()));
		return new KeyStatus(expiry, next, Math.max(0, this.settings.maxWrongPerFlow() - flow.wrongTotal()),
				flow.ended());
	}

	private Optional<Flow> lockFlow(UUID flowId, KeyPurpose purpose) {
		return this.jdbc.sql("SELECT * FROM one_time_key_flows WHERE flow_id = ? AND purpose = ? FOR UPDATE")
			.params(flowId, purpose.name())
			.query(OneTimeKeys::mapFlow)
			.optional();
	}

	private boolean lastKeyWasExhausted(UUID flowId, KeyPurpose purpose) {
		return this.jdbc.sql("SELECT state FROM one_time_keys WHERE flow_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1")
			.params(flowId, purpose.name())
			.query(String.class)
			.optional()
			.map("EXHAUSTED"::equals)
			.orElse(false);
	}

	private void setKeyState(long keyId, String state) {
		this.jdbc.sql("UPDATE one_time_keys SET state = ? WHERE id = ?").params(state, keyId).update();
	}

	private String newKey() {
		int bound = (int) Math.pow(10, this.settings.length() > 9 ? 9 : this.settings.length());
		StringBuilder key = new StringBuilder(String.format("%0" + Math.min(9, this.settings.length()) + "d",
				this.random.nextInt(bound)));
		while (key.length() < this.settings.length()) {
			key.append(this.random.nextInt(10));
		}
		return key.toString();
	}

	private byte[] hmac(UUID flowId, KeyPurpose purpose, String key) {
		return this.secrets.hmac(HMAC_PURPOSE, material(flowId, purpose, key));
	}

	private static String material(UUID flowId, KeyPurpose purpose, String key) {
		return flowId + ":" + purpose.name() + ":" + key;
	}

	private static Flow mapFlow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp last = rs.getTimestamp("last_issued_at");
		return new Flow(rs.getInt("keys_issued"), rs.getInt("wrong_total"), last == null ? null : last.toInstant(),
				"ENDED".equals(rs.getString("state")));
	}

	private record Flow(int keysIssued, int wrongTotal, Instant lastIssuedAt, boolean ended) {
	}

	private record ActiveKey(long id, byte[] hmac, Instant expiresAt, int wrongAttempts) {
	}

}
