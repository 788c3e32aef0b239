package io.clave.server.benchmark;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.clave.otp.Ocra;
import io.clave.otp.OcraInput;
import io.clave.otp.OcraSuite;
import io.clave.server.audit.AuditTrail;
import io.clave.server.benchmark.ClaveBenchmark.Phase;
import io.clave.server.corebanking.AccountKind;
import io.clave.server.corebanking.Accounts;
import io.clave.server.identity.Users;
import io.clave.server.notification.OutboxDispatcher;
import io.clave.server.softtoken.SoftTokens;
import io.clave.token.Transaction;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorised transfers through the real HTTP API on loopback, as the mobile app makes them: each customer signed in
 * through the login API (X-Auth-Token), with an active Token digital and a funded account; each transfer is
 * {@code POST /api/v1/me/transfers} (checked, filed with an authorisation waiting for the signing code), then the
 * app's OCRA signing code over destination and amount, computed from the seed with the app library, sent to
 * {@code POST /api/v1/me/transfers/{id}/authorization} (signature checked, then debit and credit in one transaction).
 * <p>
 * Every customer makes one transfer per round, to another customer's account, for an amount of its own in that round
 * (1.00 to 4.99, far below the daily limit): a signing code is accepted once per token, question and minute, so no
 * transfer is refused as a replay. Afterwards the ledger is checked: the sum of all balances is unchanged, every
 * transfer done left one debit and one credit, every balance is its opening balance plus its movements, and the
 * audit chain is whole.
 */
final class TransferBenchmark {

	static final List<Integer> THREADS = List.of(1, 8, 32);

	/** Also the number of customers: each makes one transfer per round. */
	static final int TRANSFERS_PER_ROUND = 400;

	/** One round on 8 threads before the timed ones, for the JIT. */
	static final int WARM_UP_THREADS = 8;

	/** Where this phase's customers are numbered from (cédulas, mobiles, usernames), clear of the login phase's. */
	static final int FIRST_CUSTOMER = 900_000;

	/** The first digits of this phase's account numbers: the ledger check looks at these accounts only. */
	static final String ACCOUNT_PREFIX = "2201";

	static final BigDecimal OPENING_BALANCE = new BigDecimal("1000.00");

	private static final OcraSuite SUITE = OcraSuite.parse(SoftTokens.SIGNING_SUITE);

	/** A round of transfers, and the median of each of its two calls. */
	record Round(int threads, Phase transfers, double requestMs, double authorizationMs) {
	}

	/**
	 * What the ledger says after every round.
	 * @param done transfers in state DONE; {@code other} those refused or still waiting
	 * @param unbalancedAccounts accounts whose balance is not their opening balance plus their movements
	 */
	record Ledger(BigDecimal before, BigDecimal after, int expectedDone, int done, int other, int debits,
			int credits, BigDecimal debited, BigDecimal credited, BigDecimal doneAmount, int unbalancedAccounts,
			boolean auditChainWhole) {

		boolean adds() {
			return this.before.compareTo(this.after) == 0 && this.done == this.expectedDone && this.other == 0
					&& this.debits == this.done && this.credits == this.done
					&& this.debited.compareTo(this.doneAmount) == 0 && this.credited.compareTo(this.doneAmount) == 0
					&& this.unbalancedAccounts == 0 && this.auditChainWhole;
		}

	}

	record Report(int customers, List<Round> rounds, Ledger ledger) {

		boolean failed() {
			return !this.ledger.adds() || this.rounds.stream().anyMatch(round -> round.transfers().errors() > 0);
		}

	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String[] sessions = new String[TRANSFERS_PER_ROUND];

	private final byte[][] seeds = new byte[TRANSFERS_PER_ROUND][];

	private final long[] accountIds = new long[TRANSFERS_PER_ROUND];

	private final String[] accountNumbers = new String[TRANSFERS_PER_ROUND];

	private final AtomicInteger reported = new AtomicInteger();

	private TransferBenchmark(ConfigurableApplicationContext context) {
		this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static Report run(Map<String, String> sms) {
		ClaveBenchmark.progress("Transfers: starting the application on a throw-away embedded PostgreSQL");
		try (ConfigurableApplicationContext context = ClaveBenchmark.startApplication(sms, LoginBenchmark.SETTINGS)) {
			TransferBenchmark benchmark = new TransferBenchmark(context);
			OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
			AtomicBoolean running = new AtomicBoolean(true);
			// one dispatcher in the background, as one instance runs it: the login keys, the activation codes and
			// every transfer's notices go out through the outbox while the rounds run
			Thread dispatching = new Thread(() -> {
				while (running.get()) {
					if (dispatcher.dispatchDue() == 0) {
						ClaveBenchmark.sleep(10);
					}
				}
			}, "benchmark-dispatcher");
			dispatching.start();
			try {
				benchmark.prepareCustomers(context, sms);
				BigDecimal before = totalBalance(context);
				ClaveBenchmark.progress("Transfers: " + TRANSFERS_PER_ROUND + " of warm-up on " + WARM_UP_THREADS
						+ " threads");
				int expectedDone = benchmark.round(0, WARM_UP_THREADS).transfers().completed();
				List<Round> rounds = new ArrayList<>();
				for (int threads : THREADS) {
					ClaveBenchmark.progress("Transfers: " + TRANSFERS_PER_ROUND + " with " + threads + " thread(s)");
					Round round = benchmark.round(rounds.size() + 1, threads);
					expectedDone += round.transfers().completed();
					rounds.add(round);
				}
				ClaveBenchmark.progress("Transfers: checking the ledger and the audit chain");
				return new Report(TRANSFERS_PER_ROUND, rounds, ledger(context, before, expectedDone));
			}
			finally {
				running.set(false);
			}
		}
	}

	/**
	 * Customers and users straight into the registry, a funded account each; then each signs in through the login
	 * API (clave temporal by SMS) and activates a Token digital the way the web and the app do.
	 */
	private void prepareCustomers(ConfigurableApplicationContext context, Map<String, String> sms) {
		LoginBenchmark logins = new LoginBenchmark(context, sms);
		logins.enrol(context, TRANSFERS_PER_ROUND, FIRST_CUSTOMER);
		Users users = context.getBean(Users.class);
		Accounts accounts = context.getBean(Accounts.class);
		UUID[] userIds = new UUID[TRANSFERS_PER_ROUND];
		context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
			for (int i = 0; i < TRANSFERS_PER_ROUND; i++) {
				var user = users.findByUsername(logins.users.get(i)[0]).orElseThrow();
				userIds[i] = user.id();
				this.accountNumbers[i] = String.format(Locale.ROOT, ACCOUNT_PREFIX + "%06d", i);
				this.accountIds[i] = accounts.register(user.customerId(), AccountKind.SAVINGS, this.accountNumbers[i],
						OPENING_BALANCE);
			}
		});
		ClaveBenchmark.progress("Transfers: " + TRANSFERS_PER_ROUND + " logins through the API");
		Phase signedIn = ClaveBenchmark.run(8, TRANSFERS_PER_ROUND, i -> {
			this.sessions[i] = logins.signIn(logins.users.get(i));
			return true;
		});
		ClaveBenchmark.progress("Transfers: activating " + TRANSFERS_PER_ROUND + " Token digital");
		SoftTokens tokens = context.getBean(SoftTokens.class);
		Phase activated = ClaveBenchmark.run(4, TRANSFERS_PER_ROUND, i -> {
			this.seeds[i] = logins.activateToken(tokens, userIds[i], logins.users.get(i)[1]);
			return true;
		});
		if (signedIn.errors() + activated.errors() > 0 || signedIn.timedOut() || activated.timedOut()) {
			throw new IllegalStateException("the customers could not be prepared: " + signedIn.errors()
					+ " logins and " + activated.errors() + " activations failed");
		}
	}

	/** Every customer one transfer, to the account of the customer half-way round the list (never a neighbour's). */
	private Round round(int number, int threads) {
		long[][] steps = new long[2][TRANSFERS_PER_ROUND];
		for (long[] step : steps) {
			Arrays.fill(step, -1);
		}
		Phase phase = ClaveBenchmark.run(threads, TRANSFERS_PER_ROUND, i -> transfer(number, i, steps));
		return new Round(threads, phase, median(steps[0]), median(steps[1]));
	}

	private boolean transfer(int round, int customer, long[][] steps) {
		int destination = (customer + TRANSFERS_PER_ROUND / 2 + round) % TRANSFERS_PER_ROUND;
		// 1.00–4.99: a different amount in every round, so no signing code repeats a question within a minute
		long cents = 100L * (round + 1) + customer % 100;
		String amount = BigDecimal.valueOf(cents, 2).toPlainString();
		String toAccount = this.accountNumbers[destination];
		try {
			long t0 = System.nanoTime();
			HttpResponse<String> filed = send("/api/v1/me/transfers", this.sessions[customer],
					"round" + round + "-customer" + customer,
					"{\"fromAccountId\":\"" + this.accountIds[customer] + "\",\"toAccount\":\"" + toAccount
							+ "\",\"amount\":\"" + amount + "\",\"description\":\"Benchmark " + round + "\"}");
			long t1 = System.nanoTime();
			if (filed.statusCode() != 201 || !filed.body().contains("\"authorizationMethod\":\"SOFT_TOKEN\"")) {
				return failed("request", filed);
			}
			String id = LoginBenchmark.field(filed, "id");
			// the app: the customer reads amount and destination on the phone and gets the signing code
			String code = Ocra.generate(SUITE, this.seeds[customer],
					OcraInput.builder(Transaction.of(amount, toAccount).question())
						.timestamp(SUITE.timestamp(Instant.now()))
						.build());
			HttpResponse<String> authorized = send("/api/v1/me/transfers/" + id + "/authorization",
					this.sessions[customer], null, "{\"code\":\"" + code + "\"}");
			long t2 = System.nanoTime();
			steps[0][customer] = t1 - t0;
			steps[1][customer] = t2 - t1;
			if (authorized.statusCode() != 200 || !"DONE".equals(LoginBenchmark.field(authorized, "state"))) {
				return failed("authorization", authorized);
			}
			return true;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts the failure; the first few are shown, so that a failing run says why. */
	private boolean failed(String call, HttpResponse<String> response) {
		if (this.reported.incrementAndGet() <= 5) {
			ClaveBenchmark.progress("Transfers: the " + call + " call answered " + response.statusCode() + ": "
					+ response.body());
		}
		return false;
	}

	private HttpResponse<String> send(String path, String session, String idempotencyKey, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("User-Agent", "ClaveBenchmark/1.0")
			.header("X-Auth-Token", session)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static double median(long[] nanos) {
		long[] timed = Arrays.stream(nanos).filter(value -> value >= 0).sorted().toArray();
		return timed.length == 0 ? Double.NaN : timed[timed.length / 2] / 1e6;
	}

	private static BigDecimal totalBalance(ConfigurableApplicationContext context) {
		return amount(context.getBean(JdbcClient.class), "SELECT COALESCE(SUM(balance), 0) FROM accounts WHERE "
				+ OURS.formatted("id"));
	}

	/** This phase's accounts, by number: the other phases' applications used the same database. */
	private static final String OURS = "%s IN (SELECT id FROM accounts WHERE number LIKE '" + ACCOUNT_PREFIX + "%%')";

	private static Ledger ledger(ConfigurableApplicationContext context, BigDecimal before, int expectedDone) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		String transfers = " FROM transfers WHERE " + OURS.formatted("from_account_id");
		String movements = " FROM account_movements WHERE " + OURS.formatted("account_id");
		int done = count(jdbc, "SELECT COUNT(*)" + transfers + " AND state = 'DONE'");
		int other = count(jdbc, "SELECT COUNT(*)" + transfers + " AND state <> 'DONE'");
		int debits = count(jdbc, "SELECT COUNT(*)" + movements + " AND amount < 0");
		int credits = count(jdbc, "SELECT COUNT(*)" + movements + " AND amount > 0");
		BigDecimal debited = amount(jdbc, "SELECT COALESCE(-SUM(amount), 0)" + movements + " AND amount < 0");
		BigDecimal credited = amount(jdbc, "SELECT COALESCE(SUM(amount), 0)" + movements + " AND amount > 0");
		BigDecimal doneAmount = amount(jdbc, "SELECT COALESCE(SUM(amount), 0)" + transfers + " AND state = 'DONE'");
		int unbalanced = jdbc.sql("""
				SELECT COUNT(*) FROM accounts a
				WHERE a.number LIKE ? AND a.balance <> ? + COALESCE((SELECT SUM(m.amount) FROM account_movements m
				                                                     WHERE m.account_id = a.id), 0)""")
			.params(ACCOUNT_PREFIX + "%", OPENING_BALANCE)
			.query(Integer.class)
			.single();
		boolean chainWhole = context.getBean(AuditTrail.class).firstBrokenLink().isEmpty();
		return new Ledger(before, totalBalance(context), expectedDone, done, other, debits, credits, debited,
				credited, doneAmount, unbalanced, chainWhole);
	}

	private static int count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	private static BigDecimal amount(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(BigDecimal.class).single();
	}

}
