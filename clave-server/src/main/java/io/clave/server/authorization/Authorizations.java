package io.clave.server.authorization;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.otp.Base32;
import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.authorization.AuthorizationCheck.Outcome;
import io.clave.server.authorization.AuthorizationStore.Stored;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.notification.Channels;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyCheck;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.onetimekey.LinkedOperation;
import io.clave.server.onetimekey.OneTimeKeys;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.Formats;
import io.clave.server.softtoken.TokenCheck;
import io.clave.server.softtoken.TransactionSignatures;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorises one operation with the customer's second factor. {@link #start} picks the method (the Token digital
 * when it can sign, otherwise a clave temporal by SMS naming the operation), {@link #verify} checks the code and
 * yields a single-use reference, {@link #consume} and {@link #consumeReference} let the operation take it once.
 *
 * <p>{@link #verify} is not one transaction: the code check commits on its own (so a wrong code is counted even if
 * what follows fails), then the authorisation is marked in a short transaction of its own; no call holds two
 * connections.
 */
@Service
public class Authorizations {

	private static final String REFERENCE_PURPOSE = "authorization-reference";

	private final AuthorizationStore store;

	private final TransactionSignatures signatures;

	private final OneTimeKeys keys;

	private final Users users;

	private final Customers customers;

	private final Secrets secrets;

	private final AuditTrail audit;

	private final Formats formats;

	private final AuthorizationSettings settings;

	private final SecureRandom random;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Authorizations(AuthorizationStore store, TransactionSignatures signatures, OneTimeKeys keys, Users users,
			Customers customers, Secrets secrets, AuditTrail audit, Formats formats, AuthorizationSettings settings,
			SecureRandom random, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.signatures = signatures;
		this.keys = keys;
		this.users = users;
		this.customers = customers;
		this.secrets = secrets;
		this.audit = audit;
		this.formats = formats;
		this.settings = settings;
		this.random = random;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Opens an authorisation for the operation. With the SMS method the key goes out at once, in the caller's
	 * transaction when there is one (so it is sent only if the operation it names is saved).
	 */
	public AuthorizationStarted start(UUID userId, Operation operation, ClientContext client, Locale locale) {
		return this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			Instant expires = now.plus(this.settings.lifetime());
			AuthorizationMethod method = this.signatures.canSign(userId) ? AuthorizationMethod.SOFT_TOKEN
					: AuthorizationMethod.SMS_KEY;
			UUID id = UUID.randomUUID();
			this.store.create(id, userId, operation, method, now, expires);
			Instant nextKeyAt = null;
			if (method == AuthorizationMethod.SMS_KEY) {
				KeyIssue issue = sendKey(id, userId, operation, locale);
				nextKeyAt = issue.nextIssueAt();
			}
			this.audit.record(AuditEvent.success("AUTHORIZATION_START", subject(userId), client)
				.with("authorization", id.toString())
				.with("operation", operation.kind().name())
				.with("method", method.name()));
			return new AuthorizationStarted(id, method, operation, expires, nextKeyAt);
		});
	}

	/** A new clave temporal for an SMS authorisation still waiting (after the cool-down, within the resends). */
	public KeyIssue resendKey(UUID id, UUID userId, Locale locale) {
		return this.transactions.execute(status -> {
			Optional<Stored> found = this.store.find(id, userId);
			if (found.isEmpty() || found.get().method() != AuthorizationMethod.SMS_KEY
					|| !"PENDING".equals(found.get().state()) || !found.get().expiresAt().isAfter(this.clock.instant())) {
				return new KeyIssue(KeyIssue.Outcome.FLOW_ENDED, null, null);
			}
			return sendKey(id, userId, found.get().operation(), locale);
		});
	}

	public Optional<AuthorizationView> find(UUID id, UUID userId) {
		return this.store.find(id, userId)
			.map(stored -> new AuthorizationView(stored.id(), stored.method(), stored.operation(), stored.state(),
					stored.expiresAt()));
	}

	/**
	 * Checks the code of a waiting authorisation of this customer, in one transaction under the authorisation's row
	 * lock: of concurrent submissions (a double click, a retry), the first is checked and the others then find it
	 * authorised. Refusals are committed, never rolled back, so wrong codes always count.
	 */
	public AuthorizationCheck verify(UUID id, UUID userId, String code, ClientContext client) {
		String candidate = code.strip();
		AuthorizationCheck check = this.transactions.execute(status -> {
			Optional<Stored> found = this.store.lock(id, userId);
			if (found.isEmpty()) {
				return AuthorizationCheck.of(Outcome.OVER);
			}
			Stored stored = found.get();
			if ("AUTHORIZED".equals(stored.state()) || "CONSUMED".equals(stored.state())) {
				return AuthorizationCheck.of(Outcome.ALREADY_AUTHORIZED);
			}
			if (!"PENDING".equals(stored.state()) || !stored.expiresAt().isAfter(this.clock.instant())) {
				return AuthorizationCheck.of(Outcome.OVER);
			}
			Outcome outcome = stored.method() == AuthorizationMethod.SOFT_TOKEN
					? checkSignature(stored, candidate, client) : checkKey(stored, candidate);
			if (outcome == Outcome.AUTHORIZED) {
				return authorize(stored);
			}
			if (outcome == Outcome.WRONG || outcome == Outcome.REPLAYED) {
				int wrong = this.store.countWrongCode(id, this.settings.maxWrongCodes()).orElse(0);
				int left = Math.max(0, this.settings.maxWrongCodes() - wrong);
				return left == 0 ? AuthorizationCheck.of(Outcome.OVER) : new AuthorizationCheck(outcome, null, left);
			}
			return AuthorizationCheck.of(outcome);
		});
		switch (check.outcome()) {
			case AUTHORIZED -> this.audit.record(AuditEvent.success("AUTHORIZATION", subject(userId), client)
				.with("authorization", id.toString()));
			case ALREADY_AUTHORIZED -> {
			}
			default -> this.audit.record(AuditEvent.failure("AUTHORIZATION", subject(userId), client,
					check.outcome().name().toLowerCase(Locale.ROOT)
							+ (check.outcome() == Outcome.OVER ? "" : "-" + check.attemptsLeft() + "-left"))
				.with("authorization", id.toString()));
		}
		return check;
	}

	/** The operation takes its authorisation (in the operation's transaction); false when it is not authorised. */
	public boolean consume(UUID id, UUID userId) {
		return this.store.consume(id, userId, this.clock.instant());
	}

	/**
	 * Another channel's operation takes the authorisation whose reference it holds, for exactly the operation that
	 * was authorised; empty when the reference is unknown, used, expired, another customer's or for something else.
	 */
	public Optional<UUID> consumeReference(UUID userId, String reference, Operation operation, ClientContext client) {
		Optional<UUID> consumed = this.transactions.execute(status -> this.store.consumeByReference(
				this.secrets.hmac(REFERENCE_PURPOSE, reference.strip()), userId, operation, this.clock.instant()));
		this.audit.record(consumed.isPresent()
				? AuditEvent.success("AUTHORIZATION_CONSUMED", subject(userId), client)
					.with("authorization", consumed.get().toString())
				: AuditEvent.failure("AUTHORIZATION_CONSUMED", subject(userId), client, "no-matching-authorization"));
		return consumed;
	}

	private Outcome checkSignature(Stored stored, String code, ClientContext client) {
		TokenCheck check = this.signatures.verify(stored.userId(), stored.operation().amountInCents(),
				stored.operation().destination(), code, client);
		return switch (check) {
			case ACCEPTED -> Outcome.AUTHORIZED;
			case WRONG -> Outcome.WRONG;
			case REPLAYED -> Outcome.REPLAYED;
			case LOCKED -> Outcome.TOKEN_LOCKED;
			case NO_TOKEN -> Outcome.OVER;
		};
	}

	private Outcome checkKey(Stored stored, String code) {
		KeyCheck check = this.keys.verifyWithin(stored.id(), KeyPurpose.TRANSACTION, code);
		return switch (check) {
			case ACCEPTED -> Outcome.AUTHORIZED;
			case WRONG -> Outcome.WRONG;
			default -> Outcome.OVER;
		};
	}

	private AuthorizationCheck authorize(Stored stored) {
		byte[] bytes = new byte[20];
		this.random.nextBytes(bytes);
		String reference = "AUT-" + Base32.encodeWithoutPadding(bytes);
		Instant now = this.clock.instant();
		this.store.authorize(stored.id(), this.secrets.hmac(REFERENCE_PURPOSE, reference), now,
				now.plus(this.settings.referenceLifetime()));
		return new AuthorizationCheck(Outcome.AUTHORIZED, reference, 0);
	}

	private KeyIssue sendKey(UUID id, UUID userId, Operation operation, Locale locale) {
		User user = this.users.findById(userId).orElseThrow();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		return this.keys.issue(id, KeyPurpose.TRANSACTION,
				new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email()), Channels.SMS, locale,
				new LinkedOperation(operation.kind().name(), this.formats.money(operation.amount(), operation.currency()),
						operation.maskedDestination()));
	}

	private static String subject(UUID userId) {
		return "user:" + userId;
	}

}
