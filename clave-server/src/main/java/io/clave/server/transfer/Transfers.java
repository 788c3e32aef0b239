package io.clave.server.transfer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.authorization.AuthorizationCheck;
import io.clave.server.authorization.AuthorizationView;
import io.clave.server.authorization.Authorizations;
import io.clave.server.authorization.Operation;
import io.clave.server.authorization.OperationKind;
import io.clave.server.corebanking.Account;
import io.clave.server.corebanking.Accounts;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.corebanking.Postings;
import io.clave.server.corebanking.Postings.Posting;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.FieldErrors;
import io.clave.server.shared.Formats;
import io.clave.server.shared.Masks;
import io.clave.server.transfer.TransferStore.Stored;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfers: {@link #prepare} checks a request and files it, once per idempotency key, with an authorisation waiting
 * for the customer's code; {@link #confirm} checks the code and then, in one database transaction, re-checks the
 * daily limit under the customer's row lock, debits and credits both accounts (never below zero), consumes the
 * authorisation and queues the notices. A request sent twice, or confirmed twice at once, moves money once.
 */
@Service
public class Transfers {

	/** The longest description a statement line takes. */
	public static final int DESCRIPTION_LENGTH = 40;

	private final TransferStore store;

	private final Accounts accounts;

	private final Customers customers;

	private final Postings postings;

	private final Authorizations authorizations;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final TransferSettings settings;

	private final BankSettings bank;

	private final Formats formats;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Transfers(TransferStore store, Accounts accounts, Customers customers, Postings postings,
			Authorizations authorizations, Notifications notifications, AuditTrail audit, TransferSettings settings,
			BankSettings bank, Formats formats, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.customers = customers;
		this.postings = postings;
		this.authorizations = authorizations;
		this.notifications = notifications;
		this.audit = audit;
		this.settings = settings;
		this.bank = bank;
		this.formats = formats;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What the customer may still transfer today. */
	public BigDecimal leftToday(long customerId) {
		return this.settings.dailyLimit().subtract(this.store.doneSince(customerId, startOfToday())).max(BigDecimal.ZERO);
	}

	public BigDecimal dailyLimit() {
		return this.settings.dailyLimit();
	}

	/** Checks the request and files it with its authorisation; nothing is written when it is rejected. */
	public TransferPreparation prepare(UUID userId, long customerId, TransferRequest request, ClientContext client,
			Locale locale) {
		FieldErrors errors = new FieldErrors();
		String key = request.idempotencyKey() == null ? "" : request.idempotencyKey().strip();
		if (!key.matches("[A-Za-z0-9_-]{8,64}")) {
			errors.reject("idempotencyKey", "transfer.idempotency-key.format");
		}
		Optional<Account> from = sourceAccount(customerId, request.fromAccountId(), errors);
		String toNumber = errors.digits("toAccount", request.toAccount(), 6, 20, "transfer.to.format");
		Optional<Account> to = toNumber == null ? Optional.empty() : this.accounts.findByNumber(toNumber);
		if (toNumber != null && to.isEmpty()) {
			errors.reject("toAccount", "transfer.to.unknown");
		}
		if (from.isPresent() && to.isPresent() && from.get().id() == to.get().id()) {
			errors.reject("toAccount", "transfer.to.same");
		}
		if (from.isPresent() && to.isPresent() && !from.get().currency().equals(to.get().currency())) {
			errors.reject("toAccount", "transfer.to.currency");
		}
		BigDecimal amount = amount(request.amount(), errors);
		String description = request.description() == null || request.description().isBlank() ? ""
				: errors.text("description", request.description(), DESCRIPTION_LENGTH);
		// a request sent again under its idempotency key is answered with the transfer filed the first time (or a
		// conflict), not checked anew: once that transfer is done the balance or the day's limit left may no longer
		// cover it, and the customer must not be told that the transfer they made was refused
		if (amount != null && from.isPresent() && this.store.findByKey(customerId, key).isEmpty()) {
			if (amount.compareTo(from.get().balance()) > 0) {
				errors.reject("amount", "transfer.amount.balance");
			}
			else if (amount.compareTo(leftToday(customerId)) > 0) {
				errors.reject("amount", "transfer.amount.daily-limit");
			}
		}
		if (errors.any() || from.isEmpty() || to.isEmpty() || amount == null || description == null) {
			return new TransferPreparation(TransferPreparation.Kind.REJECTED, null, errors.asMap());
		}
		Account source = from.get();
		Account destination = to.get();
		BigDecimal value = amount;
		String text = description;
		return this.transactions.execute(status -> {
			UUID id = UUID.randomUUID();
			Instant now = this.clock.instant();
			if (!this.store.insertIfAbsent(id, customerId, userId, key, source.id(), destination.id(), value,
					source.currency(), text, now)) {
				Stored earlier = this.store.findByKey(customerId, key).orElseThrow();
				boolean same = earlier.sameRequestAs(source.id(), destination.id(), value, text);
				return new TransferPreparation(same ? TransferPreparation.Kind.EXISTING
						: TransferPreparation.Kind.CONFLICT, same ? view(earlier) : null, Map.of());
			}
			var started = this.authorizations.start(userId,
					new Operation(OperationKind.TRANSFER, value, source.currency(), destination.number()), client,
					locale);
			this.store.setAuthorization(id, started.id());
			this.audit.record(AuditEvent.success("TRANSFER_REQUEST", subject(userId), client)
				.with("transfer", id.toString())
				.with("own", Boolean.toString(destination.customerId() == customerId))
				.with("method", started.method().name()));
			return new TransferPreparation(TransferPreparation.Kind.CREATED, view(this.store.find(id, customerId)
				.orElseThrow()), Map.of());
		});
	}

	public Optional<TransferView> find(UUID id, long customerId) {
		return this.store.find(id, customerId).map(this::view);
	}

	public List<TransferView> recent(long customerId, int count) {
		return this.store.recent(customerId, Math.max(1, Math.min(count, 50))).stream().map(this::view).toList();
	}

	/** A new clave temporal for a transfer authorised by SMS. */
	public KeyIssue resendKey(UUID id, UUID userId, long customerId, Locale locale) {
		Optional<Stored> found = this.store.find(id, customerId);
		if (found.isEmpty() || found.get().authorizationId() == null || !"AWAITING".equals(found.get().state())) {
			return new KeyIssue(KeyIssue.Outcome.FLOW_ENDED,
					null, null);
		}
		return this.authorizations.resendKey(found.get().authorizationId(), userId, locale);
	}

	/** Checks the authorisation code and, when it is right, runs the transfer. */
	public TransferOutcome confirm(UUID id, UUID userId, long customerId, String code, ClientContext client,
			Locale locale) {
		Optional<Stored> found = this.store.find(id, customerId);
		if (found.isEmpty() || found.get().authorizationId() == null) {
			return new TransferOutcome(TransferOutcome.Kind.UNKNOWN, null, "transfer.unknown", 0);
		}
		Stored transfer = found.get();
		if (!"AWAITING".equals(transfer.state())) {
			return settled(transfer);
		}
		AuthorizationCheck check = this.authorizations.verify(transfer.authorizationId(), userId, code, client);
		return switch (check.outcome()) {
			case AUTHORIZED, ALREADY_AUTHORIZED -> execute(transfer, userId, client, locale);
			case WRONG, REPLAYED -> new TransferOutcome(TransferOutcome.Kind.WRONG_CODE, view(transfer),
					"transfer.code.wrong", check.attemptsLeft());
			case TOKEN_LOCKED -> new TransferOutcome(TransferOutcome.Kind.TOKEN_LOCKED, view(transfer),
					"transfer.code.token-locked", 0);
			case OVER -> refuse(transfer, "authorization-over", client);
		};
	}

	/** What the transaction that runs a transfer decided: a refusal, or whether this call moved the money. */
	private record Execution(@Nullable String refusal, boolean moved, boolean own) {
	}

	private TransferOutcome execute(Stored request, UUID userId, ClientContext client, Locale locale) {
		Execution execution = this.transactions.execute(status -> {
			Stored transfer = this.store.lock(request.id()).orElseThrow();
			if (!"AWAITING".equals(transfer.state())) {
				return new Execution(null, false, false);
			}
			this.customers.lockForUpdate(transfer.customerId());
			if (transfer.amount().compareTo(leftToday(transfer.customerId())) > 0) {
				return new Execution("daily-limit", false, false);
			}
			Instant now = this.clock.instant();
			Account from = this.accounts.findOwned(transfer.customerId(), transfer.fromAccountId()).orElseThrow();
			Account to = this.accounts.findById(transfer.toAccountId()).orElseThrow();
			String note = transfer.description().isEmpty() ? "" : ": " + transfer.description();
			Posting posting = this.postings.transfer(from.id(), to.id(), transfer.amount(),
					"Transferencia a " + Masks.accountNumber(to.number()) + note,
					"Transferencia de " + Masks.accountNumber(from.number()) + note, now);
			if (posting.outcome() != Posting.Outcome.POSTED) {
				status.setRollbackOnly();
				return new Execution(posting.outcome() == Posting.Outcome.INSUFFICIENT_FUNDS ? "insufficient-funds"
						: "account-unavailable", false, false);
			}
			if (transfer.authorizationId() == null || !this.authorizations.consume(transfer.authorizationId(), userId)) {
				status.setRollbackOnly();
				return new Execution("authorization-over", false, false);
			}
			this.store.markDone(transfer.id(), now);
			Customer customer = this.customers.findById(transfer.customerId()).orElseThrow();
			this.notifications.sendTransferDone(new Recipient(customer.firstNames(), customer.mobilePhone(),
					customer.email()), now, this.formats.money(transfer.amount(), transfer.currency()),
					Masks.accountNumber(from.number()), Masks.accountNumber(to.number()), reference(transfer.id()),
					locale);
			return new Execution(null, true, to.customerId() == transfer.customerId());
		});
		if (execution.refusal() != null) {
			return refuse(this.store.find(request.id(), request.customerId()).orElseThrow(), execution.refusal(),
					client);
		}
		if (execution.moved()) {
			// recorded once the money has moved for good: the audit trail writes in a transaction of its own
			this.audit.record(AuditEvent.success("TRANSFER", subject(userId), client)
				.with("transfer", request.id().toString())
				.with("own", Boolean.toString(execution.own())));
		}
		return settled(this.store.find(request.id(), request.customerId()).orElseThrow());
	}

	private TransferOutcome refuse(Stored transfer, String reason, ClientContext client) {
		if (this.transactions.execute(status -> this.store.refuse(transfer.id(), reason))) {
			this.audit.record(AuditEvent.failure("TRANSFER", subject(transfer.userId()), client, reason)
				.with("transfer", transfer.id().toString()));
		}
		return settled(this.store.find(transfer.id(), transfer.customerId()).orElseThrow());
	}

	private TransferOutcome settled(Stored transfer) {
		return switch (transfer.state()) {
			case "DONE" -> new TransferOutcome(TransferOutcome.Kind.DONE, view(transfer), null, 0);
			case "REFUSED" -> new TransferOutcome(TransferOutcome.Kind.REFUSED, view(transfer),
					"transfer.refused." + transfer.refusal(), 0);
			default -> new TransferOutcome(TransferOutcome.Kind.WRONG_CODE, view(transfer), "transfer.code.wrong", 0);
		};
	}

	private Optional<Account> sourceAccount(long customerId, @Nullable String value, FieldErrors errors) {
		if (value == null || !value.strip().matches("[0-9]{1,18}")) {
			errors.reject("fromAccount", "transfer.from.required");
			return Optional.empty();
		}
		Optional<Account> account = this.accounts.findOwned(customerId, Long.parseLong(value.strip()));
		if (account.isEmpty()) {
			errors.reject("fromAccount", "transfer.from.required");
		}
		return account;
	}

	private @Nullable BigDecimal amount(@Nullable String value, FieldErrors errors) {
		String raw = errors.text("amount", value, 20);
		if (raw == null) {
			return null;
		}
		String plain = raw.replace("$", "").replace(" ", "");
		if (plain.matches("[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]{1,2})?")) {
			plain = plain.replace(",", ""); // thousands written the way amounts are shown: 1,500.00
		}
		if (!plain.matches("[0-9]{1,10}(\\.[0-9]{1,2})?")) {
			errors.reject("amount", "transfer.amount.format");
			return null;
		}
		BigDecimal amount = new BigDecimal(plain).setScale(2);
		if (amount.signum() <= 0) {
			errors.reject("amount", "transfer.amount.format");
			return null;
		}
		if (amount.compareTo(this.settings.maxAmount().min(this.settings.dailyLimit())) > 0) {
			errors.reject("amount", "transfer.amount.max");
			return null;
		}
		return amount;
	}

	private TransferView view(Stored transfer) {
		Account from = this.accounts.findById(transfer.fromAccountId()).orElseThrow();
		Account to = this.accounts.findById(transfer.toAccountId()).orElseThrow();
		Customer holder = this.customers.findById(to.customerId()).orElseThrow();
		Optional<AuthorizationView> authorization = transfer.authorizationId() == null ? Optional.empty()
				: this.authorizations.find(transfer.authorizationId(), transfer.userId());
		return new TransferView(transfer.id(), reference(transfer.id()), transfer.state(), transfer.refusal(),
				from.number(), to.number(), holderName(holder), to.customerId() == transfer.customerId(),
				transfer.amount(), transfer.currency(), transfer.description(),
				authorization.map(AuthorizationView::method).orElse(null),
				authorization.map(AuthorizationView::expiresAt).orElse(null), transfer.createdAt(),
				transfer.executedAt(), from.balance());
	}

	/** "Rosa Q.": enough for the customer to recognise the holder, too little to learn a stranger's name. */
	private static String holderName(Customer holder) {
		String first = holder.firstNames().strip().split("\\s+")[0];
		String last = holder.lastNames().strip();
		return last.isEmpty() ? first : first + " " + last.charAt(0) + ".";
	}

	static String reference(UUID id) {
		return "TRF-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	private Instant startOfToday() {
		return LocalDate.ofInstant(this.clock.instant(), this.bank.timeZone())
			.atStartOfDay(this.bank.timeZone())
			.toInstant();
	}

	private static String subject(UUID userId) {
		return "user:" + userId;
	}

}
