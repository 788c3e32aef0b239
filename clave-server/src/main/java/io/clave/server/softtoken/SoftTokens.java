package io.clave.server.softtoken;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import io.clave.otp.Base32;
import io.clave.otp.Ocra;
import io.clave.otp.OcraInput;
import io.clave.otp.OcraSuite;
import io.clave.otp.Totp;
import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.SecondFactor;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.notification.Channels;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyCheck;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.onetimekey.OneTimeKeys;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import io.clave.server.softtoken.SoftTokenStore.Activation;
import io.clave.server.softtoken.SoftTokenStore.Token;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Token digital's life on the server (docs/token-protocol.md): an activation is started from the signed-in web
 * (a binding key in the QR, an 8-digit code by SMS); the app completes it and receives its seeds once; the customer
 * confirms it with the app's first code, which makes it the customer's one token in use; afterwards its codes are
 * verified with a window, at most once each, and too many wrong ones lock it.
 */
@Service
public class SoftTokens {

	static final Totp TOTP = Totp.defaults();

	/** What a standard authenticator is told in the key URI; the same as {@link #TOTP}. */
	static final int TOTP_DIGITS = 6;

	static final int TOTP_PERIOD_SECONDS = 30;

	/** The device name of a standard app's token: the app does not tell it. */
	static final String STANDARD_DEVICE = "Authenticator";

	static final int RESEAL_BATCH = 100;

	/** Transaction signing: destination (20 digits) and amount in cents (12 digits), one-minute steps. */
	public static final String SIGNING_SUITE = "OCRA-1:HOTP-SHA256-8:QN32-T1M";

	/** Unlock: the 8-digit challenge the locked app shows. */
	public static final String UNLOCK_SUITE = "OCRA-1:HOTP-SHA256-8:QN08";

	private static final String BINDING_PURPOSE = "softtoken-binding";

	private static final String CODE_PURPOSE = "softtoken-activation-code";

	private final SoftTokenStore store;

	private final SeedKeys seedKeys;

	private final Users users;

	private final Customers customers;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Secrets secrets;

	private final SecureRandom random;

	private final SoftTokenSettings settings;

	private final BankSettings bank;

	private final Clock clock;

	private final OneTimeKeys keys;

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	SoftTokens(SoftTokenStore store, SeedKeys seedKeys, Users users, Customers customers, Notifications notifications,
			AuditTrail audit, Secrets secrets, SecureRandom random, SoftTokenSettings settings, BankSettings bank,
			OneTimeKeys keys, Clock clock, PlatformTransactionManager transactions, MeterRegistry meters) {
		this.keys = keys;
		this.meters = meters;
		this.transaction = new TransactionTemplate(transactions);
		this.store = store;
		this.seedKeys = seedKeys;
		this.users = users;
		this.customers = customers;
		this.notifications = notifications;
		this.audit = audit;
		this.secrets = secrets;
		this.random = random;
		this.settings = settings;
		this.bank = bank;
		this.clock = clock;
	}

	// ---- activation -----------------------------------------------------------------------------------------------

	/**
	 * Starts an activation for a signed-in customer (who has answered a challenge question and confirmed their image):
	 * a new binding key for the QR, a new 8-digit code by SMS; any activation still open is replaced.
	 * @param serverUrl the base URL the app will call, as the customer's browser reached the server
	 */
	@Transactional
	public ActivationStarted startActivation(UUID userId, String serverUrl, ClientContext client, Locale locale) {
		User user = this.users.findById(userId).orElseThrow();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		Instant now = this.clock.instant();
		Instant expires = now.plus(this.settings.activationLifetime());
		byte[] binding = new byte[16];
		this.random.nextBytes(binding);
		String bindingKey = Base32.encodeWithoutPadding(binding);
		String code = String.format(Locale.ROOT, "%08d", this.random.nextInt(100_000_000));
		UUID id = UUID.randomUUID();
		this.store.replaceOpenActivations(userId);
		this.store.createActivation(id, userId, this.secrets.hmac(BINDING_PURPOSE, bindingKey),
				this.secrets.hmac(CODE_PURPOSE, id + ":" + code), now, expires);
		this.notifications.sendOneTimeKey(new Recipient(customer.firstNames(), customer.mobilePhone(),
				customer.email()), Channels.SMS, "TOKEN_ACTIVATION", code, this.settings.activationLifetime(), locale);
		this.audit.record(AuditEvent.success("TOKEN_ACTIVATION_START", subject(userId), client)
			.with("activation", id.toString()));
		String text = "clave-token://activate?v=1&issuer=" + encode(this.bank.name()) + "&server=" + encode(serverUrl)
				+ "&id=" + id + "&key=" + bindingKey;
		return new ActivationStarted(id, text, expires);
	}

	/**
	 * The app's call: the binding key from the QR and the code from the SMS. The seeds leave the server here, once;
	 * every refusal but a wrong code looks the same.
	 */
	@Transactional
	public ActivationCompletion completeActivation(UUID activationId, String bindingKey, String code,
			String deviceName, ClientContext client) {
		Optional<Activation> found = this.store.lockActivation(activationId);
		Instant now = this.clock.instant();
		if (found.isEmpty() || !"OPEN".equals(found.get().state()) || !found.get().expiresAt().isAfter(now)
				|| !this.secrets.matches(BINDING_PURPOSE, bindingKey.strip().toUpperCase(Locale.ROOT),
						found.get().bindingHmac())) {
			this.audit.record(AuditEvent.failure("TOKEN_ACTIVATION", found.map(a -> subject(a.userId()))
				.orElse("anonymous"), client, found.isEmpty() ? "unknown-activation" : "activation-over-or-wrong-key"));
			activationCounted(TokenApp.CLAVE_TOKEN, "over");
			return ActivationCompletion.over();
		}
		Activation activation = found.get();
		if (!this.secrets.matches(CODE_PURPOSE, activationId + ":" + code.strip(), activation.codeHmac())) {
			int left = this.settings.activationCodeTries() - activation.wrongCodes() - 1;
			this.store.countWrongCode(activationId, left <= 0);
			this.audit.record(AuditEvent.failure("TOKEN_ACTIVATION", subject(activation.userId()), client,
					left <= 0 ? "wrong-code-now-exhausted" : "wrong-code"));
			activationCounted(TokenApp.CLAVE_TOKEN, left <= 0 ? "over" : "wrong_code");
			return left <= 0 ? ActivationCompletion.over()
					: new ActivationCompletion(ActivationCompletion.Outcome.WRONG_CODE, null, null, null, left);
		}
		byte[] seed = new byte[20];
		byte[] unlockSeed = new byte[32];
		this.random.nextBytes(seed);
		this.random.nextBytes(unlockSeed);
		SeedKeys.Sealed sealedSeed = this.seedKeys.seal(seed);
		SeedKeys.Sealed sealedUnlock = this.seedKeys.seal(unlockSeed);
		UUID tokenId = UUID.randomUUID();
		String device = deviceName.isBlank() ? "Token digital" : deviceName.strip();
		this.store.createToken(tokenId, activation.userId(), TokenApp.CLAVE_TOKEN, sealedSeed.keyId(), sealedSeed.box(),
				sealedUnlock.box(),
				device.length() > 60 ? device.substring(0, 60) : device, now);
		this.store.useActivation(activationId, tokenId);
		this.audit.record(AuditEvent.success("TOKEN_ACTIVATION", subject(activation.userId()), client)
			.with("token", tokenId.toString()));
		activationCounted(TokenApp.CLAVE_TOKEN, "created");
		return new ActivationCompletion(ActivationCompletion.Outcome.CREATED, tokenId,
				Base32.encodeWithoutPadding(seed), Base32.encodeWithoutPadding(unlockSeed), 0);
	}

	// ---- activation for a standard authenticator app --------------------------------------------------------------

	/** The kind of app new tokens are activated for ({@code clave.softtoken.app}). */
	public TokenApp appForNewTokens() {
		return this.settings.app();
	}

	/**
	 * Standard mode, first step (after the challenge question, the image and the terms): a clave temporal by SMS to
	 * the registered mobile. The standard QR carries the secret itself, so the mobile is proven before it is shown.
	 * @param attempt a random id the page keeps for this activation; the key's flow is bound to it and to the user, so
	 * asking again within one attempt follows the clave temporal's cool-down and resend limit
	 */
	@Transactional
	public StandardActivation sendStandardActivationKey(UUID userId, UUID attempt, Locale locale,
			ClientContext client) {
		User user = this.users.findById(userId).orElseThrow();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		KeyIssue issue = this.keys.issue(standardFlow(userId, attempt), KeyPurpose.TOKEN_ACTIVATION,
				new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email()), Channels.SMS, locale);
		this.audit.record(AuditEvent.success("TOKEN_ACTIVATION_START", subject(userId), client)
			.with("app", TokenApp.STANDARD_AUTHENTICATOR.name())
			.with("key", issue.outcome().name()));
		return switch (issue.outcome()) {
			case ISSUED -> StandardActivation.keySent(null);
			case COOL_DOWN -> StandardActivation.keySent("token.activation.standard.key.cool-down");
			case LIMIT_REACHED -> StandardActivation.over("token.activation.standard.key.limit");
			case FLOW_ENDED -> StandardActivation.over("token.activation.standard.key.over");
		};
	}

	/**
	 * Standard mode, second step: the clave temporal. When it is right, a new PENDING token for a standard app is
	 * created (any earlier pending one is revoked) and its secret is answered, once, in the {@code otpauth://} key URI;
	 * the customer then confirms it with the app's first code ({@link #confirm}). Not one transaction: the key check
	 * commits on its own first, so this never holds two connections at once.
	 */
	public StandardActivation createStandardToken(UUID userId, UUID attempt, String key, ClientContext client) {
		String typed = key.strip();
		if (!typed.matches("\\d{6,10}")) {
			return StandardActivation.refused("token.activation.standard.key.format");
		}
		KeyCheck check = this.keys.verify(standardFlow(userId, attempt), KeyPurpose.TOKEN_ACTIVATION, typed);
		if (check != KeyCheck.ACCEPTED) {
			this.audit.record(AuditEvent.failure("TOKEN_ACTIVATION", subject(userId), client,
					check.name().toLowerCase(Locale.ROOT))
				.with("app", TokenApp.STANDARD_AUTHENTICATOR.name()));
			activationCounted(TokenApp.STANDARD_AUTHENTICATOR, check == KeyCheck.WRONG ? "wrong_code" : "over");
			return switch (check) {
				case WRONG -> StandardActivation.refused("token.activation.standard.key.wrong");
				case EXPIRED, EXHAUSTED -> StandardActivation.over("token.activation.standard.key.expired");
				default -> StandardActivation.over("token.activation.standard.key.over");
			};
		}
		User user = this.users.findById(userId).orElseThrow();
		byte[] seed = new byte[20];
		this.random.nextBytes(seed);
		UUID tokenId = UUID.randomUUID();
		this.transaction.executeWithoutResult(status -> {
			Instant now = this.clock.instant();
			this.store.revokePending(userId, now);
			SeedKeys.Sealed sealed = this.seedKeys.seal(seed);
			this.store.createToken(tokenId, userId, TokenApp.STANDARD_AUTHENTICATOR, sealed.keyId(), sealed.box(), null,
					STANDARD_DEVICE, now);
			this.audit.record(AuditEvent.success("TOKEN_ACTIVATION", subject(userId), client)
				.with("token", tokenId.toString())
				.with("app", TokenApp.STANDARD_AUTHENTICATOR.name()));
		});
		activationCounted(TokenApp.STANDARD_AUTHENTICATOR, "created");
		String secret = Base32.encodeWithoutPadding(seed);
		return new StandardActivation(StandardActivation.Kind.CREATED, null, tokenId, keyUri(user.username(), secret),
				secret);
	}

	/**
	 * The Key URI format of Google Authenticator, which Microsoft Authenticator and FreeOTP read too:
	 * {@code otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30}, label and
	 * issuer percent-encoded.
	 */
	String keyUri(String username, String secret) {
		String issuer = encode(this.bank.name());
		return "otpauth://totp/" + issuer + ":" + encode(username) + "?secret=" + secret + "&issuer=" + issuer
				+ "&algorithm=SHA1&digits=" + TOTP_DIGITS + "&period=" + TOTP_PERIOD_SECONDS;
	}

	/** {@code clave.token.activations}, per app and outcome: {@code created}, {@code wrong_code}, {@code over}. */
	private void activationCounted(TokenApp app, String outcome) {
		this.meters
			.counter("clave.token.activations", "app", app.name().toLowerCase(Locale.ROOT), "outcome", outcome)
			.increment();
	}

	private UUID standardFlow(UUID userId, UUID attempt) {
		return this.secrets.uuid("softtoken-standard-activation", userId + ":" + attempt);
	}

	/**
	 * Whether the customer's token in use can sign a transaction (OCRA, docs/token-protocol.md §3): only an ACTIVE
	 * token of the bank's own app. A standard authenticator cannot, so transfers ask those customers for a clave
	 * temporal by SMS that names the amount instead; a locked token or none signs nothing either.
	 */
	public boolean signsTransactions(UUID userId) {
		return this.store.findInUse(userId)
			.map(token -> "ACTIVE".equals(token.state()) && token.app() == TokenApp.CLAVE_TOKEN)
			.orElse(false);
	}

	/**
	 * The customer types the app's first code on the web: the pending token becomes the one in use, replacing any
	 * earlier one, and the Token digital becomes the customer's second factor.
	 */
	@Transactional
	public TokenCheck confirm(UUID userId, String code, ClientContext client, Locale locale) {
		Optional<Token> pending = this.store.lockNewest(userId, "PENDING");
		if (pending.isEmpty()) {
			return TokenCheck.NO_TOKEN;
		}
		Token token = pending.get();
		Instant now = this.clock.instant();
		OptionalLong step = TOTP.verify(seedOf(token), code.strip(), now, this.settings.window());
		if (step.isEmpty()) {
			this.audit.record(AuditEvent.failure("TOKEN_CONFIRMATION", subject(userId), client, "wrong-code"));
			return TokenCheck.WRONG;
		}
		int replaced = this.store.revokeInUse(userId, now);
		this.store.activate(token.id(), step.getAsLong(), now);
		this.users.changeSecondFactor(userId, SecondFactor.SOFT_TOKEN);
		User user = this.users.findById(userId).orElseThrow();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		this.notifications.sendTokenActivated(new Recipient(customer.firstNames(), customer.mobilePhone(),
				customer.email()), now, token.deviceName(), replaced > 0, locale);
		this.audit.record(AuditEvent.success("TOKEN_CONFIRMATION", subject(userId), client)
			.with("token", token.id().toString())
			.with("replaced", Integer.toString(replaced)));
		return TokenCheck.ACCEPTED;
	}

	// ---- codes ----------------------------------------------------------------------------------------------------

	/** Checks a code of the customer's token in use: within the window, each time step at most once. */
	@Transactional
	public TokenCheck verify(UUID userId, String code, ClientContext client) {
		Optional<Token> found = this.store.lockNewest(userId, "ACTIVE", "LOCKED");
		if (found.isEmpty()) {
			return TokenCheck.NO_TOKEN;
		}
		Token token = found.get();
		if ("LOCKED".equals(token.state())) {
			this.audit.record(AuditEvent.failure("TOKEN_CODE", subject(userId), client, "token-locked"));
			return TokenCheck.LOCKED;
		}
		OptionalLong step = TOTP.verify(seedOf(token), code.strip(), this.clock.instant(), this.settings.window());
		if (step.isPresent() && step.getAsLong() > token.lastStep()) {
			this.store.accept(token.id(), step.getAsLong());
			this.audit.record(AuditEvent.success("TOKEN_CODE", subject(userId), client));
			return TokenCheck.ACCEPTED;
		}
		boolean lock = token.failedCodes() + 1 >= this.settings.maxWrongCodes();
		this.store.countFailure(token.id(), lock);
		TokenCheck check = step.isPresent() ? TokenCheck.REPLAYED : TokenCheck.WRONG;
		this.audit.record(AuditEvent.failure("TOKEN_CODE", subject(userId), client,
				(check == TokenCheck.REPLAYED ? "replayed" : "wrong-code") + (lock ? "-now-locked" : "")));
		return lock ? TokenCheck.LOCKED : check;
	}

	// ---- unlock ---------------------------------------------------------------------------------------------------

	/**
	 * "Desbloqueo App", first step: the challenge the locked app shows; a clave temporal goes by SMS (never the token
	 * itself, which is what is locked).
	 */
	@Transactional
	public UnlockOutcome startUnlock(UUID userId, String challenge, Locale locale, ClientContext client) {
		if (!challenge.strip().matches("\\d{8}")) {
			return UnlockOutcome.refused("token.unlock.challenge.format");
		}
		if (this.store.findInUse(userId).isEmpty()) {
			return UnlockOutcome.over("token.unlock.no-token");
		}
		User user = this.users.findById(userId).orElseThrow();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		KeyIssue issue = this.keys.issue(unlockFlow(userId, challenge.strip()), KeyPurpose.TOKEN_UNLOCK,
				new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email()), Channels.SMS, locale);
		this.audit.record(AuditEvent.success("TOKEN_UNLOCK_START", subject(userId), client));
		return switch (issue.outcome()) {
			case ISSUED -> new UnlockOutcome(UnlockOutcome.Kind.KEY_SENT, null, null);
			case COOL_DOWN -> new UnlockOutcome(UnlockOutcome.Kind.KEY_SENT, "token.unlock.key.cool-down", null);
			default -> UnlockOutcome.over("token.unlock.key.limit");
		};
	}

	/**
	 * Second step: the clave temporal; the answer is the unlock code for that challenge and this token (OCRA with the
	 * unlock seed), and a token locked on the server after wrong codes is unlocked too. Not one transaction: the key
	 * check commits on its own first, so this never holds two connections at once.
	 */
	public UnlockOutcome finishUnlock(UUID userId, String challenge, String key, ClientContext client) {
		KeyCheck check = this.keys.verify(unlockFlow(userId, challenge.strip()), KeyPurpose.TOKEN_UNLOCK, key.strip());
		if (check != KeyCheck.ACCEPTED) {
			this.audit.record(AuditEvent.failure("TOKEN_UNLOCK", subject(userId), client,
					check.name().toLowerCase(Locale.ROOT)));
			return switch (check) {
				case WRONG -> UnlockOutcome.refused("token.unlock.key.wrong");
				case EXPIRED, EXHAUSTED -> UnlockOutcome.over("token.unlock.key.expired");
				default -> UnlockOutcome.over("token.unlock.over");
			};
		}
		Optional<Token> found = this.store.lockNewest(userId, "ACTIVE", "LOCKED");
		if (found.isEmpty()) {
			return UnlockOutcome.over("token.unlock.no-token");
		}
		Token token = found.get();
		if (token.app() != TokenApp.CLAVE_TOKEN || token.unlockSeedBox() == null) {
			// a standard app has no PIN to unlock: lift the server's lock only
			this.store.unlock(token.id());
			this.audit.record(AuditEvent.success("TOKEN_UNLOCK", subject(userId), client)
				.with("token", token.id().toString())
				.with("was", token.state()));
			return new UnlockOutcome(UnlockOutcome.Kind.LOCK_LIFTED, null, null);
		}
		if (!challenge.strip().matches("\\d{8}")) {
			return UnlockOutcome.over("token.unlock.over");
		}
		byte[] unlockSeed = this.seedKeys.open(token.seedKeyId(), token.unlockSeedBox());
		String code = Ocra.generate(OcraSuite.parse(UNLOCK_SUITE), unlockSeed, OcraInput.builder(challenge.strip())
			.build());
		this.store.unlock(token.id());
		this.audit.record(AuditEvent.success("TOKEN_UNLOCK", subject(userId), client)
			.with("token", token.id().toString())
			.with("was", token.state()));
		return new UnlockOutcome(UnlockOutcome.Kind.UNLOCKED, null, code);
	}

	/**
	 * "Desbloqueo App" for a standard authenticator, which has no PIN lock: only the server's lock after too many wrong
	 * codes can be lifted, after a clave temporal by SMS.
	 * @param attempt a random id the page keeps for this unlock; the key's flow is bound to it and to the user
	 */
	@Transactional
	public UnlockOutcome startServerUnlock(UUID userId, UUID attempt, Locale locale, ClientContext client) {
		Optional<Token> token = this.store.findInUse(userId);
		if (token.isEmpty()) {
			return UnlockOutcome.over("token.unlock.no-token");
		}
		if (token.get().app() != TokenApp.STANDARD_AUTHENTICATOR) {
			return UnlockOutcome.over("token.unlock.over");
		}
		if (!"LOCKED".equals(token.get().state())) {
			return UnlockOutcome.over("token.unlock.standard.not-locked");
		}
		User user = this.users.findById(userId).orElseThrow();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		KeyIssue issue = this.keys.issue(unlockFlow(userId, "server:" + attempt), KeyPurpose.TOKEN_UNLOCK,
				new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email()), Channels.SMS, locale);
		this.audit.record(AuditEvent.success("TOKEN_UNLOCK_START", subject(userId), client)
			.with("app", TokenApp.STANDARD_AUTHENTICATOR.name()));
		return switch (issue.outcome()) {
			case ISSUED -> new UnlockOutcome(UnlockOutcome.Kind.KEY_SENT, null, null);
			case COOL_DOWN -> new UnlockOutcome(UnlockOutcome.Kind.KEY_SENT, "token.unlock.key.cool-down", null);
			default -> UnlockOutcome.over("token.unlock.key.limit");
		};
	}

	/** Second step of {@link #startServerUnlock}: the clave temporal; a right one lifts the server's lock. */
	public UnlockOutcome finishServerUnlock(UUID userId, UUID attempt, String key, ClientContext client) {
		return finishUnlock(userId, "server:" + attempt, key, client);
	}

	private UUID unlockFlow(UUID userId, String challenge) {
		return this.secrets.uuid("softtoken-unlock", userId + ":" + challenge);
	}

	/**
	 * The bank resets the customer's Token digital (a supervisor approved it in the back office): the token in use
	 * and any pending one are revoked, and the clave temporal by SMS is the second factor again until the customer
	 * activates a new token. Returns how many tokens were revoked.
	 */
	@Transactional
	public int resetByBank(UUID userId, String approvedBy, ClientContext client) {
		Instant now = this.clock.instant();
		int revoked = this.store.revokeInUse(userId, now);
		this.store.revokePending(userId, now);
		this.users.changeSecondFactor(userId, SecondFactor.SMS_ONE_TIME_KEY);
		this.audit.record(AuditEvent.success("TOKEN_RESET", subject(userId), client)
			.with("by", approvedBy)
			.with("revoked", Integer.toString(revoked)));
		return revoked;
	}

	/** The name the app proposes for the identity: the bank's. */
	public String issuer() {
		return this.bank.name();
	}

	public Optional<TokenStatus> inUse(UUID userId) {
		return this.store.findInUse(userId)
			.map(token -> new TokenStatus(token.id(), token.state(), token.app(), token.deviceName(),
					token.activatedAt()));
	}

	/**
	 * Seals every seed still under an older key of the ring with the current one; returns how many tokens it
	 * resealed. Works in short transactions of {@value #RESEAL_BATCH} tokens, each row locked while it is resealed
	 * ({@code FOR UPDATE SKIP LOCKED}): a code being checked is not held up for long, and two instances running this at
	 * once share the work instead of doing it twice (a row the other has resealed no longer matches). A row skipped
	 * because it was busy is resealed on the next run. Tokens under a key no longer in the ring cannot be opened and
	 * are left as they are ({@link #tokensUnderUnknownKeys}).
	 */
	public int resealSeeds() {
		String current = this.seedKeys.currentId();
		List<String> older = this.seedKeys.openableIds().stream().filter(id -> !id.equals(current)).toList();
		if (older.isEmpty()) {
			return 0;
		}
		int total = 0;
		while (true) {
			Integer batch = this.transaction.execute(status -> {
				List<Token> tokens = this.store.lockSealedUnder(older, RESEAL_BATCH);
				for (Token token : tokens) {
					SeedKeys.Sealed seed = this.seedKeys.seal(this.seedKeys.open(token.seedKeyId(), token.seedBox()));
					byte[] unlock = token.unlockSeedBox() == null ? null
							: this.seedKeys.seal(this.seedKeys.open(token.seedKeyId(), token.unlockSeedBox())).box();
					this.store.reseal(token.id(), seed.keyId(), seed.box(), unlock);
				}
				return tokens.size();
			});
			int count = batch == null ? 0 : batch;
			total += count;
			if (count < RESEAL_BATCH) {
				return total;
			}
		}
	}

	/** Tokens not revoked whose seed is sealed under a key the ring no longer has, by key id (ids are not secret). */
	public Map<String, Long> tokensUnderUnknownKeys() {
		return this.store.countSealedUnderOtherThan(this.seedKeys.openableIds());
	}

	private byte[] seedOf(Token token) {
		return this.seedKeys.open(token.seedKeyId(), token.seedBox());
	}

	private static String subject(UUID userId) {
		return "user:" + userId;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
