package io.clave.server.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.server.benchmark.ClaveBenchmark.Phase;
import io.clave.server.benchmark.ClaveBenchmark.Stats;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.NewUser;
import io.clave.server.identity.SecondFactor;
import io.clave.server.identity.Users;
import io.clave.server.notification.OutboxDispatcher;
import io.clave.server.shared.Cedula;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full personal logins through the real HTTP API on loopback, as the mobile app makes them: username, password
 * (one Argon2id check at the production parameters), then the clave temporal read from the SMS the outbox delivered.
 * Every login is one customer's: the per-username limit (10 a minute) is kept, the per-address one is raised since
 * every client here is 127.0.0.1. One dispatcher works the outbox off in the background, as one instance does.
 * Also the password step for an unknown username beside a wrong password, which must cost the same.
 */
final class LoginBenchmark {

	static final List<Integer> CLIENTS = List.of(8, 32);

	static final int LOGINS_PER_CLIENT = 25;

	static final int WARM_UP_LOGINS = 400;

	static final int TIMING_SAMPLES = 120;

	static final String PASSWORD = "Benchmark2024x";

	static final String[] SETTINGS = { "--clave.rate-limit.login-per-ip.capacity=100000000" };

	private static final Pattern KEY = Pattern.compile("\\b(\\d{6})\\b");

	private static final Pattern STRING_FIELD = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");

	/** A round's logins, and the median of each of their steps. */
	record Round(int clients, Phase logins, double usernameMs, double passwordMs, double keyWaitMs,
			double secondFactorMs) {
	}

	/** Token-digital code checks (TOTP window, replay guard, row lock) at a number of threads. */
	record TokenRound(int threads, Phase verifications) {
	}

	record Report(List<Round> rounds, Stats wrongPassword, Stats unknownUsername, List<TokenRound> tokens) {
	}

	static final List<Integer> TOKEN_THREADS = List.of(1, 8, 32);

	static final int TOKENS_PER_ROUND = 600;

	private final Map<String, String> sms;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	/** Each enrolled user's username and mobile number, in the order of enrolment. */
	final List<String[]> users = new ArrayList<>();

	private int nextUser;

	LoginBenchmark(ConfigurableApplicationContext context, Map<String, String> sms) {
		this.sms = sms;
		this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static Report run(Map<String, String> sms) {
		ClaveBenchmark.progress("Logins: starting the application on a throw-away embedded PostgreSQL");
		try (ConfigurableApplicationContext context = ClaveBenchmark.startApplication(sms, SETTINGS)) {
			LoginBenchmark benchmark = new LoginBenchmark(context, sms);
			// CLAVE_BENCHMARK_IMPORT=<customers>: the logins below then run against a registry of that size
			ImportBenchmark.runIfRequested(context);
			int needed = WARM_UP_LOGINS + CLIENTS.stream().mapToInt(c -> c * LOGINS_PER_CLIENT).sum()
					+ 2 * TIMING_SAMPLES + TOKEN_THREADS.size() * TOKENS_PER_ROUND;
			benchmark.enrol(context, needed);
			OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
			AtomicBoolean running = new AtomicBoolean(true);
			Thread dispatching = new Thread(() -> {
				while (running.get()) {
					// an idle pause of 10 ms: short beside an SMS's own delay, long enough not to poll the outbox hot
					if (dispatcher.dispatchDue() == 0) {
						ClaveBenchmark.sleep(10);
					}
				}
			}, "benchmark-dispatcher");
			dispatching.start();
			try {
				// long enough for the JIT to have compiled the login path: in a short run its compiler threads take a core
				benchmark.logins(8, WARM_UP_LOGINS);
				List<Round> rounds = new ArrayList<>();
				for (int clients : CLIENTS) {
					ClaveBenchmark.progress("Logins: " + clients * LOGINS_PER_CLIENT + " with " + clients + " clients");
					rounds.add(benchmark.round(clients, clients * LOGINS_PER_CLIENT));
				}
				ClaveBenchmark.progress("Logins: the password step, wrong password beside unknown username");
				Stats[] step = benchmark.passwordStep(TIMING_SAMPLES);
				ClaveBenchmark.progress("Token digital: activating " + TOKEN_THREADS.size() * TOKENS_PER_ROUND + " tokens");
				List<TokenRound> tokens = new ArrayList<>();
				io.clave.server.softtoken.SoftTokens softTokens = context
					.getBean(io.clave.server.softtoken.SoftTokens.class);
				Users users = context.getBean(Users.class);
				for (int threads : TOKEN_THREADS) {
					java.util.UUID[] ids = new java.util.UUID[TOKENS_PER_ROUND];
					byte[][] seeds = new byte[TOKENS_PER_ROUND][];
					for (int i = 0; i < TOKENS_PER_ROUND; i++) {
						String[] user = benchmark.users.get(benchmark.nextUser++);
						ids[i] = users.findByUsername(user[0]).orElseThrow().id();
						seeds[i] = benchmark.activateToken(softTokens, ids[i], user[1]);
					}
					ClaveBenchmark.progress("Token digital: " + TOKENS_PER_ROUND + " code checks on " + threads
							+ " thread(s)");
					java.time.Instant next = java.time.Instant.now().plusSeconds(30);
					tokens.add(new TokenRound(threads, ClaveBenchmark.run(threads, TOKENS_PER_ROUND,
							i -> softTokens.verify(ids[i], io.clave.otp.Totp.defaults().generate(seeds[i], next),
									APP) == io.clave.server.softtoken.TokenCheck.ACCEPTED)));
				}
				return new Report(rounds, step[0], step[1], tokens);
			}
			finally {
				running.set(false);
			}
		}
	}

	private void enrol(ConfigurableApplicationContext context, int count) {
		enrol(context, count, 0);
	}

	/**
	 * Customers and their users straight into the registry; one password hash serves them all. Numbered from
	 * {@code first}: every phase's application shares the JVM's one embedded PostgreSQL, so each takes its own range.
	 */
	void enrol(ConfigurableApplicationContext context, int count, int first) {
		ClaveBenchmark.progress("Enrolling " + count + " customers");
		Customers customers = context.getBean(Customers.class);
		Users users = context.getBean(Users.class);
		PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		String passwordHash = encoder.encode(PASSWORD);
		String answerHash = encoder.encode("respuesta");
		transactions.executeWithoutResult(status -> {
			for (int i = first; i < first + count; i++) {
				String nine = String.format(Locale.ROOT, "171%06d", i);
				String mobile = String.format(Locale.ROOT, "0987%06d", i);
				long customer = customers.register(new Cedula(nine + Cedula.checkDigit(nine)), "Cliente", "Benchmark",
						LocalDate.of(1990, 1, 1), new EmailAddress("cliente" + i + "@clave.example"),
						new PhoneNumber(mobile));
				String username = String.format(Locale.ROOT, "bench%06d", i);
				users.register(new NewUser(customer, username, passwordHash, "01-montana", "",
						Map.of("q01", answerHash, "q02", answerHash, "q03", answerHash), SecondFactor.SMS_ONE_TIME_KEY));
				this.users.add(new String[] { username, mobile });
			}
		});
	}

	private Phase logins(int clients, int count) {
		return round(clients, count).logins();
	}

	private Round round(int clients, int count) {
		int first = this.nextUser;
		this.nextUser += count;
		long[][] steps = new long[4][count];
		Phase phase = ClaveBenchmark.run(clients, count, i -> login(this.users.get(first + i), steps, i));
		return new Round(clients, phase, median(steps[0]), median(steps[1]), median(steps[2]), median(steps[3]));
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

	/** Signs the user in through the API, as the app does; the session to send in X-Auth-Token. */
	String signIn(String[] user) {
		long[][] steps = new long[4][1];
		String[] session = new String[1];
		if (!login(user, steps, 0, session)) {
			throw new IllegalStateException("a login did not finish");
		}
		return session[0];
	}

	private boolean login(String[] user, long[][] steps, int index) {
		return login(user, steps, index, null);
	}

	private boolean login(String[] user, long[][] steps, int index, String[] session) {
		try {
			long t0 = System.nanoTime();
			String token = field(post("/api/v1/logins", null, "{\"username\":\"" + user[0] + "\"}"), "loginToken");
			this.sms.remove(user[1]);
			long t1 = System.nanoTime();
			HttpResponse<String> password = post("/api/v1/logins/password", token,
					"{\"password\":\"" + PASSWORD + "\"}");
			if (password.statusCode() != 200) {
				return false;
			}
			long t2 = System.nanoTime();
			String key = awaitKey(user[1]);
			long t3 = System.nanoTime();
			HttpResponse<String> signedIn = post("/api/v1/logins/second-factor", token,
					"{\"code\":\"" + key + "\"}");
			long t4 = System.nanoTime();
			steps[0][index] = t1 - t0;
			steps[1][index] = t2 - t1;
			steps[2][index] = t3 - t2;
			steps[3][index] = t4 - t3;
			if (session != null && signedIn.statusCode() == 200) {
				session[0] = field(signedIn, "sessionToken");
			}
			return signedIn.statusCode() == 200 && signedIn.body().contains("sessionToken");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One thread; each sample is the password call alone (the username call is not timed). A wrong password of a real
	 * username and any password of an unknown one take turns, so that whatever else the machine does weighs on both.
	 * @return the wrong-password figures, then the unknown-username ones
	 */
	private Stats[] passwordStep(int samples) {
		long[] wrong = new long[samples];
		long[] unknown = new long[samples];
		for (int i = 0; i < samples; i++) {
			wrong[i] = timePassword(this.users.get(this.nextUser++)[0]);
			unknown[i] = timePassword("nadie" + i + "x" + System.nanoTime());
		}
		return new Stats[] { Stats.of(wrong), Stats.of(unknown) };
	}

	private long timePassword(String username) {
		try {
			String token = field(post("/api/v1/logins", null, "{\"username\":\"" + username + "\"}"), "loginToken");
			long begin = System.nanoTime();
			int status = post("/api/v1/logins/password", token, "{\"password\":\"Equivocada123\"}").statusCode();
			long nanos = System.nanoTime() - begin;
			if (status != 401) {
				throw new IllegalStateException("a wrong password was answered " + status);
			}
			return nanos;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final io.clave.server.shared.ClientContext APP = new io.clave.server.shared.ClientContext(
			"127.0.0.1", "ClaveBenchmark/1.0");

	/** Starts, completes and confirms a Token digital for the user, as the web and the app do; returns its seed. */
	byte[] activateToken(io.clave.server.softtoken.SoftTokens tokens, java.util.UUID userId, String mobile) {
		this.sms.remove(mobile);
		io.clave.server.softtoken.ActivationStarted started = tokens.startActivation(userId, this.base, APP,
				Locale.forLanguageTag("es-EC"));
		String code = awaitCode(mobile, 8);
		String key = started.activationText().replaceAll(".*&key=", "");
		io.clave.server.softtoken.ActivationCompletion completion = tokens.completeActivation(started.activationId(),
				key, code, "benchmark", APP);
		byte[] seed = io.clave.otp.Base32.decode(completion.seed());
		if (tokens.confirm(userId, io.clave.otp.Totp.defaults().generate(seed, java.time.Instant.now()),
				APP, Locale.forLanguageTag("es-EC")) != io.clave.server.softtoken.TokenCheck.ACCEPTED) {
			throw new IllegalStateException("a token was not confirmed");
		}
		return seed;
	}

	private String awaitCode(String mobile, int digits) {
		Pattern code = Pattern.compile("\\b(\\d{" + digits + "})\\b");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			String text = this.sms.get(mobile);
			if (text != null) {
				Matcher matcher = code.matcher(text);
				if (matcher.find()) {
					return matcher.group(1);
				}
			}
			ClaveBenchmark.sleep(1);
		}
		throw new IllegalStateException("no code arrived");
	}

	private String awaitKey(String mobile) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			String text = this.sms.get(mobile);
			if (text != null) {
				Matcher matcher = KEY.matcher(text);
				if (matcher.find()) {
					return matcher.group(1);
				}
			}
			ClaveBenchmark.sleep(1);
		}
		throw new IllegalStateException("no key arrived for a login");
	}

	private HttpResponse<String> post(String path, String loginToken, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("User-Agent", "ClaveBenchmark/1.0")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (loginToken != null) {
			request.header("Login-Token", loginToken);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String field(HttpResponse<String> response, String name) {
		Matcher matcher = Pattern.compile(String.format(STRING_FIELD.pattern(), name)).matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in an answer " + response.statusCode());
		}
		return matcher.group(1);
	}

	static Map<String, String> newSmsBox() {
		return new ConcurrentHashMap<>();
	}

}
