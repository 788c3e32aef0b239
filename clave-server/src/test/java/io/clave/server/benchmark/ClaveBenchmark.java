package io.clave.server.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import io.clave.server.ClaveApplication;
import io.clave.server.identity.Argon2idPasswordEncoder;
import io.clave.server.notification.Channels;
import io.clave.server.notification.OutboxDispatcher;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyCheck;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.onetimekey.OneTimeKeys;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How fast this machine hashes a password with Argon2id (three implementations side by side, same parameters and
 * same PHC format), how many claves temporales the real application issues and verifies per second, how many full
 * logins and Token digital code checks it completes, and how many authorised transfers ({@link TransferBenchmark}).
 * <p>
 * A program, not a test: its name keeps Surefire away, and it lives in the test sources so that nothing of it (nor
 * password4j) ships in the jar. Run it from the root of the checkout with
 * {@code mvn -q -pl clave-server -am test-compile exec:exec@benchmark}; it prints a Markdown report and writes it to
 * {@code clave-server/target/benchmark.md}. Every phase is bounded in count and in time; the only sockets it opens
 * are on loopback (the embedded PostgreSQL and the application's own HTTP port). docs/benchmarks.md explains the
 * figures.
 */
public final class ClaveBenchmark {

	// Argon2id with the OWASP parameters Clave runs in production (application.yml, clave.identity.argon2.*)
	static final int MEMORY_KIB = 19456;

	static final int ITERATIONS = 2;

	static final int PARALLELISM = 1;

	static final int SALT_BYTES = 16;

	static final int HASH_BYTES = 32;

	static final int HASH_WARM_UP = 40;

	static final int HASH_SAMPLES = 100;

	static final int PARALLEL_WARM_UP = 10;

	static final int HASHES_PER_THREAD = 30;

	// one-time keys
	static final int KEYS_PER_ROUND = 2000;

	static final int KEY_WARM_UP = 300;

	static final KeyPurpose PURPOSE = KeyPurpose.LOGIN;

	static final Duration PHASE_LIMIT = Duration.ofSeconds(120);

	static final String COMMAND = "mvn -q -pl clave-server -am test-compile exec:exec@benchmark";

	static final String COMMAND_TRANSFERS = "CLAVE_BENCHMARK=transfers " + COMMAND;

	/** Never used outside this throw-away run: the benchmark starts its own empty database. */
	static final String BENCHMARK_MASTER_KEY = "YmVuY2htYXJrLW9ubHktbWFzdGVyLWtleS0zMi1ieXQ=";

	static final Pattern PHC = Pattern.compile("^\\$argon2id\\$v=19\\$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p="
			+ PARALLELISM + "\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");

	private ClaveBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			// "logins" skips the one-time-key rounds; "transfers" runs the transfer rounds alone. As the only
			// argument, or in CLAVE_BENCHMARK (which reaches the JVM that exec:exec@benchmark forks)
			String only = args.length == 1 ? args[0] : Optional.ofNullable(System.getenv("CLAVE_BENCHMARK")).orElse("");
			boolean transfersOnly = "transfers".equals(only);
			Machine machine = Machine.describe();
			progress("Clave benchmark on " + machine.cores() + " cores, " + machine.cpu());
			StringBuilder markdown = new StringBuilder();
			HashReport hashing = null;
			List<KeyRound> keys = List.of();
			LoginBenchmark.Report logins = null;
			if (!transfersOnly) {
				hashing = hashing(machine.cores());
				keys = "logins".equals(only) ? List.of() : oneTimeKeys(machine.cores());
				logins = LoginBenchmark.run(LoginBenchmark.newSmsBox());
			}
			// with an import before the logins (ImportBenchmark), the transfer phase is left out
			TransferBenchmark.Report transfers = ImportBenchmark.requested() > 0 && !transfersOnly ? null
					: TransferBenchmark.run(LoginBenchmark.newSmsBox());
			String loadAfter = Machine.loadAverage();
			markdown.append(header(machine, loadAfter, transfersOnly ? COMMAND_TRANSFERS : COMMAND));
			if (hashing != null && logins != null) {
				markdown.append(markdown(machine, hashing, keys)).append(loginMarkdown(machine, hashing, logins));
			}
			markdown.append(ImportBenchmark.markdown());
			if (transfers != null) {
				markdown.append(transferMarkdown(machine, transfers));
			}
			System.out.println(markdown);
			Path report = targetDirectory().resolve("benchmark.md");
			Files.writeString(report, markdown, StandardCharsets.UTF_8);
			progress("Written to " + report);
			if (hashing != null && !hashing.formatAndCrossChecksPass()) {
				progress("FAILED: an Argon2id implementation did not produce or accept the common PHC format");
				status = 1;
			}
			if (logins != null && (logins.rounds().stream().anyMatch(round -> round.logins().errors() > 0)
					|| logins.tokens().stream().anyMatch(round -> round.verifications().errors() > 0))) {
				progress("FAILED: a login did not finish");
				status = 1;
			}
			if (ImportBenchmark.last.filter(r -> r.failures() > 0 || r.first().rejected() > 0).isPresent()) {
				progress("FAILED: a generated row was rejected, or an imported card did not match");
				status = 1;
			}
			if (keys.stream()
				.anyMatch(round -> round.issue().errors() + round.delivery().errors() + round.verify().errors() > 0)) {
				progress("FAILED: a one-time key was not issued, not delivered or not accepted");
				status = 1;
			}
			if (transfers != null && transfers.failed()) {
				progress("FAILED: a transfer did not finish, or the ledger does not add up: " + transfers.ledger());
				status = 1;
			}
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 2;
		}
		System.exit(status);
	}

	// ---------------------------------------------------------------------------------------------------- Argon2id

	record Candidate(String name, String library, Function<String, String> encode,
			BiPredicate<String, String> matches) {
	}

	record HashFigures(Candidate candidate, double firstMs, Stats single, double heapMibPerHash,
			double parallelPerSecond, int threads, String sample, boolean phc) {
	}

	record CrossCheck(String what, boolean passed) {
	}

	record HashReport(List<HashFigures> figures, List<CrossCheck> crossChecks) {

		boolean formatAndCrossChecksPass() {
			return this.figures.stream().allMatch(HashFigures::phc)
					&& this.crossChecks.stream().allMatch(CrossCheck::passed);
		}

	}

	static HashReport hashing(int cores) throws Exception {
		PasswordEncoder clave = new Argon2idPasswordEncoder(MEMORY_KIB, ITERATIONS, PARALLELISM);
		PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB,
				ITERATIONS);
		Argon2Function password4j = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES,
				Argon2.ID);
		List<Candidate> candidates = List.of(
				new Candidate("Clave's `Argon2idPasswordEncoder` (runs in Clave)",
						"argon2-jvm " + version(Argon2Factory.class, "argon2-jvm-nolibs")
								+ ": the reference C library (libargon2) through JNA",
						clave::encode, clave::matches),
				new Candidate("Spring Security's `Argon2PasswordEncoder`",
						"BouncyCastle " + version(Argon2BytesGenerator.class, "bcprov-jdk18on") + ": pure Java",
						bouncyCastle::encode, bouncyCastle::matches),
				new Candidate("password4j `Argon2Function`",
						"password4j " + version(Password.class, "password4j") + ": pure Java",
						raw -> Password.hash(raw).addRandomSalt(SALT_BYTES).with(password4j).getResult(),
						(raw, hash) -> Argon2Function.getInstanceFromHash(hash).check(raw, hash)));

		String password = "Benchmark2024x";
		int count = candidates.size();
		String[] samples = new String[count];
		double[] firstMs = new double[count];
		for (int c = 0; c < count; c++) {
			long start = System.nanoTime();
			samples[c] = candidates.get(c).encode().apply(password);
			firstMs[c] = (System.nanoTime() - start) / 1e6;
		}
		// turn about, one hash of each at a time, so that whatever else the machine does weighs on all three alike
		progress("Argon2id: " + HASH_WARM_UP + " rounds of warm-up, " + HASH_SAMPLES + " timed, one thread");
		for (int round = 0; round < HASH_WARM_UP; round++) {
			for (Candidate candidate : candidates) {
				candidate.encode().apply(password);
			}
		}
		long[][] nanos = new long[count][HASH_SAMPLES];
		long[] heapBytes = new long[count];
		for (int round = 0; round < HASH_SAMPLES; round++) {
			for (int c = 0; c < count; c++) {
				long allocated = allocatedBytes();
				long start = System.nanoTime();
				candidates.get(c).encode().apply(password);
				nanos[c][round] = System.nanoTime() - start;
				heapBytes[c] += allocatedBytes() - allocated;
			}
		}
		List<HashFigures> figures = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			Candidate candidate = candidates.get(c);
			progress("Argon2id: " + candidate.name() + " on " + cores + " threads");
			boolean phc = PHC.matcher(samples[c]).matches() && candidate.matches().test(password, samples[c])
					&& !candidate.matches().test(password + "!", samples[c]);
			double perSecond = parallelHashes(candidate, password, cores);
			double heapMib = allocatedBytes() < 0 ? Double.NaN : heapBytes[c] / (double) HASH_SAMPLES / (1024 * 1024);
			figures.add(new HashFigures(candidate, firstMs[c], Stats.of(nanos[c]), heapMib, perSecond, cores,
					samples[c], phc));
		}

		// the three write and read one format: a hash made by one is accepted by the others
		List<CrossCheck> checks = new ArrayList<>();
		for (HashFigures maker : figures) {
			for (HashFigures checker : figures) {
				if (maker == checker) {
					continue;
				}
				boolean accepts = checker.candidate().matches().test(password, maker.sample());
				boolean rejects = !checker.candidate().matches().test(password + "!", maker.sample());
				checks.add(new CrossCheck(shortName(checker.candidate()) + " verifies a hash made by "
						+ shortName(maker.candidate()), accepts && rejects));
			}
		}
		return new HashReport(figures, checks);
	}

	/** Hashes per second with every core busy: a short untimed burst first, then the timed one. */
	private static double parallelHashes(Candidate candidate, String password, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			burst(pool, threads, PARALLEL_WARM_UP, candidate, password);
			long begin = System.nanoTime();
			burst(pool, threads, HASHES_PER_THREAD, candidate, password);
			double seconds = (System.nanoTime() - begin) / 1e9;
			return threads * HASHES_PER_THREAD / seconds;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void burst(ExecutorService pool, int threads, int hashesEach, Candidate candidate,
			String password) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < hashesEach; i++) {
					candidate.encode().apply(password);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
	}

	/** Bytes this thread allocated on the Java heap so far (HotSpot), or a negative number where unknown. */
	private static long allocatedBytes() {
		if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
			return threads.getCurrentThreadAllocatedBytes();
		}
		return -1;
	}

	private static String shortName(Candidate candidate) {
		return candidate.library().substring(0, candidate.library().indexOf(' '));
	}

	// ----------------------------------------------------------------------------------------------- one-time keys

	record Phase(int completed, int errors, double seconds, Stats latency, boolean timedOut) {

		double perSecond() {
			return this.completed / this.seconds;
		}

	}

	record KeyRound(int threads, Phase issue, Phase delivery, Phase verify) {
	}

	static List<KeyRound> oneTimeKeys(int cores) {
		progress("One-time keys: starting the application on a throw-away embedded PostgreSQL");
		Map<String, String> sms = new ConcurrentHashMap<>();
		try (ConfigurableApplicationContext context = startApplication(sms)) {
			OneTimeKeys keys = context.getBean(OneTimeKeys.class);
			OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
			int length = context.getEnvironment().getProperty("clave.one-time-key.length", Integer.class, 6);
			Pattern code = Pattern.compile("\\b(\\d{" + length + "})\\b");
			AtomicInteger phones = new AtomicInteger();
			round(keys, dispatcher, sms, code, phones, Math.max(4, cores * 2), KEY_WARM_UP);
			List<KeyRound> rounds = new ArrayList<>();
			for (int threads : new TreeSet<>(List.of(1, cores * 2, 16))) {
				progress("One-time keys: " + KEYS_PER_ROUND + " keys with " + threads + " thread(s)");
				rounds.add(round(keys, dispatcher, sms, code, phones, threads, KEYS_PER_ROUND));
			}
			return rounds;
		}
	}

	static ConfigurableApplicationContext startApplication(Map<String, String> sms, String... extra) {
		String[] settings = {
				// a fresh, empty PostgreSQL in a temporary folder, whatever the environment says
				"--spring.datasource.url=", "--clave.database.embedded.data-directory=",
				"--clave.secrets.master-key=" + BENCHMARK_MASTER_KEY, "--clave.secrets.generate-if-missing=false",
				"--clave.demo.seed-core-banking=false", "--clave.demo.message-log=false",
				"--clave.notification.sms.adapter=log", "--clave.notification.email.adapter=log",
				// the benchmark drives the dispatcher itself, so that issuing and delivering are measured apart
				"--clave.notification.dispatcher.interval=1h", "--server.port=0", "--server.address=127.0.0.1",
				"--logging.level.root=ERROR" };
		String[] all = Arrays.copyOf(settings, settings.length + extra.length);
		System.arraycopy(extra, 0, all, settings.length, extra.length);
		return new SpringApplicationBuilder(ClaveApplication.class).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.initializers(context -> {
				GenericApplicationContext generic = (GenericApplicationContext) context;
				// the test sources hold components for the test suite (a movable clock...): not for this run
				generic.getBeanFactory().registerSingleton("benchmarkSkipsTestSources", new SkipTestSources());
				registerCapturingSmsSender(generic, sms);
			})
			.run(all);
	}

	/**
	 * Stands in for the SMS gateway: keeps the text of each SMS by number, so the benchmark reads the key as the
	 * customer would. {@code SmsSender} is internal to the notification module, hence a dynamic proxy, declared
	 * primary over the log adapter the settings choose.
	 */
	@SuppressWarnings("unchecked")
	private static void registerCapturingSmsSender(GenericApplicationContext context, Map<String, String> sms) {
		Class<Object> smsSender;
		try {
			smsSender = (Class<Object>) Class.forName("io.clave.server.notification.SmsSender", false,
					ClaveApplication.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("The benchmark expects the SMS port io.clave.server.notification.SmsSender",
					ex);
		}
		Object capturing = Proxy.newProxyInstance(smsSender.getClassLoader(), new Class<?>[] { smsSender },
				(proxy, method, arguments) -> switch (method.getName()) {
					case "send" -> {
						sms.put(((PhoneNumber) arguments[0]).value(), (String) arguments[1]);
						yield null;
					}
					case "toString" -> "CapturingSmsSender";
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == arguments[0];
					default -> throw new UnsupportedOperationException(method.getName());
				});
		context.registerBean("benchmarkSmsSender", smsSender, () -> capturing,
				definition -> definition.setPrimary(true));
	}

	private static KeyRound round(OneTimeKeys keys, OutboxDispatcher dispatcher, Map<String, String> sms,
			Pattern code, AtomicInteger phones, int threads, int count) {
		UUID[] flows = new UUID[count];
		Recipient[] recipients = new Recipient[count];
		for (int i = 0; i < count; i++) {
			flows[i] = UUID.randomUUID();
			PhoneNumber mobile = new PhoneNumber(String.format(Locale.ROOT, "09%08d", phones.incrementAndGet()));
			recipients[i] = new Recipient("Cliente", mobile, new EmailAddress("cliente@clave.example"));
		}
		Locale spanish = Locale.forLanguageTag("es-EC");

		Phase issue = run(threads, count, i -> keys.issue(flows[i], PURPOSE, recipients[i], Channels.SMS, spanish)
			.outcome() == KeyIssue.Outcome.ISSUED);

		Phase delivery = deliver(dispatcher, sms, recipients);

		String[] received = new String[count];
		for (int i = 0; i < count; i++) {
			String text = sms.remove(recipients[i].mobile().value());
			if (text != null) {
				Matcher matcher = code.matcher(text);
				while (matcher.find()) {
					received[i] = matcher.group(1);
				}
			}
		}
		Phase verify = run(threads, count,
				i -> received[i] != null && keys.verify(flows[i], PURPOSE, received[i]) == KeyCheck.ACCEPTED);
		return new KeyRound(threads, issue, delivery, verify);
	}

	/** Works the outbox off as one dispatcher instance would, batch after batch, until every SMS went out. */
	private static Phase deliver(OutboxDispatcher dispatcher, Map<String, String> sms, Recipient[] recipients) {
		long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
		List<Long> batches = new ArrayList<>();
		long begin = System.nanoTime();
		int delivered = 0;
		boolean timedOut = false;
		while (delivered < recipients.length) {
			if (System.nanoTime() > deadline) {
				timedOut = true;
				break;
			}
			long start = System.nanoTime();
			int sent = dispatcher.dispatchDue();
			if (sent == 0) {
				sleep(10);
				continue;
			}
			batches.add((System.nanoTime() - start) / sent);
			delivered += sent;
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		int missing = 0;
		for (Recipient recipient : recipients) {
			if (!sms.containsKey(recipient.mobile().value())) {
				missing++;
			}
		}
		return new Phase(recipients.length - missing, missing, seconds,
				Stats.of(batches.stream().mapToLong(Long::longValue).toArray()), timedOut);
	}

	interface Operation {

		boolean run(int index);

	}

	/** Runs {@code count} operations on {@code threads} threads, each timed; stops early at the phase's time limit. */
	static Phase run(int threads, int count, Operation operation) {
		long[] nanos = new long[count];
		Arrays.fill(nanos, -1);
		AtomicInteger next = new AtomicInteger();
		AtomicInteger completed = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			done.add(pool.submit(() -> {
				start.await();
				for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next
					.getAndIncrement()) {
					long begin = System.nanoTime();
					boolean ok;
					try {
						ok = operation.run(i);
					}
					catch (RuntimeException ex) {
						ok = false;
						if (errors.get() == 0) {
							ex.printStackTrace();
						}
					}
					nanos[i] = System.nanoTime() - begin;
					completed.incrementAndGet();
					if (!ok) {
						errors.incrementAndGet();
					}
				}
				return null;
			}));
		}
		long begin = System.nanoTime();
		start.countDown();
		try {
			for (Future<?> future : done) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		int finished = completed.get();
		long[] timed = Arrays.stream(nanos).filter(value -> value >= 0).toArray();
		return new Phase(finished - errors.get(), errors.get(), seconds, Stats.of(timed), finished < count);
	}

	// ----------------------------------------------------------------------------------------------------- report

	record Stats(double medianMs, double meanMs, double p95Ms, double p99Ms) {

		static Stats of(long[] nanos) {
			if (nanos.length == 0) {
				return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
			}
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
			return new Stats(percentile(sorted, 0.50), mean / 1e6, percentile(sorted, 0.95), percentile(sorted, 0.99));
		}

		private static double percentile(long[] sorted, double quantile) {
			int rank = (int) Math.ceil(quantile * sorted.length);
			return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
		}

	}

	record Machine(int cores, String cpu, String memory, String os, String jdk, String jvm, String loadBefore,
			Instant at) {

		static Machine describe() {
			return new Machine(Runtime.getRuntime().availableProcessors(),
					procEntry("/proc/cpuinfo", "model name").orElse("unknown CPU"),
					procEntry("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown"),
					System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
							+ System.getProperty("os.arch"),
					System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
					runtime(), loadAverage(), Instant.now());
		}

		/** The collector and heap the JVM chose (the benchmark sets no flags, as the run command sets none). */
		static String runtime() {
			List<String> collectors = new ArrayList<>();
			for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
				collectors.add(bean.getName());
			}
			List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
			return String.join(", ", collectors) + "; max heap "
					+ String.format(Locale.ROOT, "%.1f GiB", Runtime.getRuntime().maxMemory() / 1024.0 / 1024 / 1024)
					+ "; flags: " + (flags.isEmpty() ? "none" : String.join(" ", flags));
		}

		static String loadAverage() {
			try {
				String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
				return fields[0] + ", " + fields[1] + ", " + fields[2];
			}
			catch (IOException | RuntimeException ex) {
				return "unknown";
			}
		}

		private static Optional<String> procEntry(String file, String key) {
			try {
				return Files.readAllLines(Path.of(file))
					.stream()
					.filter(line -> line.startsWith(key))
					.map(line -> line.substring(line.indexOf(':') + 1).strip())
					.findFirst();
			}
			catch (IOException | RuntimeException ex) {
				return Optional.empty();
			}
		}

		private static String gibibytes(String memTotal) {
			long kib = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
			return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
		}

	}

	static String header(Machine machine, String loadAfter, String command) {
		StringBuilder md = new StringBuilder();
		md.append("## Clave benchmark, ")
			.append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(machine.at()))
			.append("\n\n");
		md.append("| Machine | |\n|---|---|\n");
		md.append("| CPU | ").append(machine.cpu()).append(" |\n");
		md.append("| Cores (`availableProcessors`) | ").append(machine.cores()).append(" |\n");
		md.append("| Memory | ").append(machine.memory()).append(" |\n");
		md.append("| OS | ").append(machine.os()).append(" |\n");
		md.append("| JDK | ").append(machine.jdk()).append(" |\n");
		md.append("| JVM (defaults) | ").append(machine.jvm()).append(" |\n");
		md.append("| Load average (1, 5, 15 min) | before: ")
			.append(machine.loadBefore())
			.append("; after: ")
			.append(loadAfter)
			.append(" |\n\n");
		md.append("Command, from the root of the checkout: `").append(command).append("`\n\n");
		return md.toString();
	}

	static String markdown(Machine machine, HashReport hashing, List<KeyRound> keys) {
		StringBuilder md = new StringBuilder();
		md.append("### Argon2id: m=").append(MEMORY_KIB).append(" KiB, t=").append(ITERATIONS).append(", p=");
		md.append(PARALLELISM).append(", ").append(SALT_BYTES).append("-byte salt, ").append(HASH_BYTES);
		md.append("-byte hash\n\n");
		md.append("One thread: the three take turns, one hash each, ").append(HASH_WARM_UP);
		md.append(" rounds of warm-up then ").append(HASH_SAMPLES).append(" timed (the first hash of each, in a cold JVM, ");
		md.append("is shown apart). All cores: ").append(machine.cores()).append(" threads, ");
		md.append(PARALLEL_WARM_UP).append(" hashes each untimed, then ").append(HASHES_PER_THREAD);
		md.append(" each timed.\n\n");
		md.append("| Implementation | Library | Median ms | Mean ms | p95 ms | First hash ms | Java heap per hash | ")
			.append("Hashes/s, 1 thread | ")
			.append("Hashes/s, ")
			.append(machine.cores())
			.append(" threads | PHC `$argon2id$v=19$m=19456,t=2,p=1$…` |\n");
		md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|:-:|\n");
		for (HashFigures figure : hashing.figures()) {
			md.append("| ").append(figure.candidate().name()).append(" | ").append(figure.candidate().library());
			md.append(" | ").append(ms(figure.single().medianMs())).append(" | ").append(ms(figure.single().meanMs()));
			md.append(" | ").append(ms(figure.single().p95Ms())).append(" | ").append(ms(figure.firstMs()));
			md.append(" | ").append(mebibytes(figure.heapMibPerHash()));
			md.append(" | ").append(rate(1000 / figure.single().meanMs())).append(" | ");
			md.append(rate(figure.parallelPerSecond()));
			md.append(" | ").append(figure.phc() ? "yes" : "**NO**").append(" |\n");
		}
		md.append("\nSame format both ways: ");
		List<String> checks = new ArrayList<>();
		for (CrossCheck check : hashing.crossChecks()) {
			checks.add(check.what() + (check.passed() ? ": yes" : ": **NO**"));
		}
		md.append(String.join("; ", checks)).append(".\n\n");

		md.append("### One-time keys (clave temporal)\n\n");
		md.append("The real application on an embedded PostgreSQL (throw-away, loopback), ").append(KEYS_PER_ROUND);
		md.append(" keys per row, each on a flow of its own, after ").append(KEY_WARM_UP);
		md.append(" keys of warm-up. Issue: one transaction (flow row upsert and lock, key HMAC stored, ");
		md.append("SMS text sealed into the outbox). Delivery: one dispatcher working the outbox off in batches. ");
		md.append("Verify: one transaction (flow row locked, HMAC compared in constant time, key marked used).\n\n");
		md.append("| Threads | Issued/s | Issue p50 ms | Issue p99 ms | Delivered/s (1 dispatcher) | Verified/s | ");
		md.append("Verify p50 ms | Verify p99 ms | Failures |\n");
		md.append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		for (KeyRound round : keys) {
			md.append("| ").append(round.threads()).append(" | ").append(rate(round.issue().perSecond()));
			md.append(flag(round.issue())).append(" | ").append(ms(round.issue().latency().medianMs()));
			md.append(" | ").append(ms(round.issue().latency().p99Ms())).append(" | ");
			md.append(rate(round.delivery().perSecond())).append(flag(round.delivery())).append(" | ");
			md.append(rate(round.verify().perSecond())).append(flag(round.verify())).append(" | ");
			md.append(ms(round.verify().latency().medianMs())).append(" | ");
			md.append(ms(round.verify().latency().p99Ms())).append(" | ");
			md.append(round.issue().errors() + round.delivery().errors() + round.verify().errors()).append(" |\n");
		}
		return md.toString();
	}

	static String loginMarkdown(Machine machine, HashReport hashing, LoginBenchmark.Report logins) {
		HashFigures clave = hashing.figures().get(0);
		double ceiling = machine.cores() * 1000 / clave.single().medianMs();
		StringBuilder md = new StringBuilder("\n### Full logins (username, password, clave temporal by SMS)\n\n");
		md.append("The real HTTP API on loopback (`POST /api/v1/logins`, `/password`, `/second-factor`), each login a ");
		md.append("different customer, the key read from the SMS the outbox delivered (one dispatcher in the ");
		md.append("background), Argon2id at the production parameters. Clients and server share the machine's ");
		md.append(machine.cores()).append(" cores. ").append(LoginBenchmark.LOGINS_PER_CLIENT);
		md.append(" logins per client after ").append(LoginBenchmark.WARM_UP_LOGINS).append(" of warm-up.\n\n");
		md.append("Argon2id ceiling on this machine: ").append(machine.cores()).append(" cores ÷ ");
		md.append(ms(clave.single().medianMs())).append(" ms per hash = **").append(rate(ceiling));
		md.append(" logins/s** (measured with every core hashing: ").append(rate(clave.parallelPerSecond()));
		md.append(" hashes/s).\n\n");
		md.append("| Clients | Logins | Logins/s | Share of the Argon2id ceiling | p50 ms | p95 ms | p99 ms | Failures |\n");
		md.append("|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		for (LoginBenchmark.Round round : logins.rounds()) {
			Phase phase = round.logins();
			md.append("| ").append(round.clients()).append(" | ").append(phase.completed() + phase.errors());
			md.append(" | ").append(rate(phase.perSecond())).append(flag(phase)).append(" | ");
			md.append(String.format(Locale.ROOT, "%.0f %%", 100 * phase.perSecond() / ceiling)).append(" | ");
			md.append(ms(phase.latency().medianMs())).append(" | ").append(ms(phase.latency().p95Ms()));
			md.append(" | ").append(ms(phase.latency().p99Ms())).append(" | ").append(phase.errors()).append(" |\n");
		}
		md.append("\nWhere a login's time goes (median of each step, ms): the username call; the password call (the ");
		md.append("Argon2id check, and the key sealed into the outbox); the wait for the SMS (the dispatcher's ");
		md.append("round); the second-factor call (key check, session, login notice, audit).\n\n");
		md.append("| Clients | Username | Password | Wait for the SMS | Second factor |\n|--:|--:|--:|--:|--:|\n");
		for (LoginBenchmark.Round round : logins.rounds()) {
			md.append("| ").append(round.clients()).append(" | ").append(ms(round.usernameMs())).append(" | ");
			md.append(ms(round.passwordMs())).append(" | ").append(ms(round.keyWaitMs())).append(" | ");
			md.append(ms(round.secondFactorMs())).append(" |\n");
		}
		md.append("\nThe password step alone, one client, ").append(LoginBenchmark.TIMING_SAMPLES);
		md.append(" samples each, taking turns: timing must not tell whether a username exists.\n\n");
		md.append("| Password step | p50 ms | Mean ms | p95 ms | p99 ms |\n|---|--:|--:|--:|--:|\n");
		md.append("| Wrong password of an existing username | ").append(ms(logins.wrongPassword().medianMs()));
		md.append(" | ").append(ms(logins.wrongPassword().meanMs())).append(" | ");
		md.append(ms(logins.wrongPassword().p95Ms())).append(" | ").append(ms(logins.wrongPassword().p99Ms()));
		md.append(" |\n| Any password of a username that does not exist | ");
		md.append(ms(logins.unknownUsername().medianMs())).append(" | ").append(ms(logins.unknownUsername().meanMs()));
		md.append(" | ").append(ms(logins.unknownUsername().p95Ms())).append(" | ");
		md.append(ms(logins.unknownUsername().p99Ms())).append(" |\n");
		md.append("\n### Token digital codes\n\nEach check: the token's row locked, its seed opened (AES-GCM), the ");
		md.append("TOTP computed for the window (±1 step), the step compared with the last one accepted, the row ");
		md.append("written and an audit record; every code a different token's, each accepted once. ");
		md.append(LoginBenchmark.TOKENS_PER_ROUND).append(" per row.\n\n");
		md.append("| Threads | Checks/s | p50 ms | p99 ms | Failures |\n|--:|--:|--:|--:|--:|\n");
		for (LoginBenchmark.TokenRound round : logins.tokens()) {
			Phase phase = round.verifications();
			md.append("| ").append(round.threads()).append(" | ").append(rate(phase.perSecond())).append(flag(phase));
			md.append(" | ").append(ms(phase.latency().medianMs())).append(" | ").append(ms(phase.latency().p99Ms()));
			md.append(" | ").append(phase.errors()).append(" |\n");
		}
		return md.toString();
	}

	static String transferMarkdown(Machine machine, TransferBenchmark.Report transfers) {
		StringBuilder md = new StringBuilder("\n### Authorised transfers (Token digital signing code)\n\n");
		md.append("The real HTTP API on loopback, each customer signed in through the login API (X-Auth-Token) ");
		md.append("with an active Token digital: `POST /api/v1/me/transfers` (checked, filed with an authorisation ");
		md.append("waiting for its code), the OCRA signing code over destination and amount computed from the seed ");
		md.append("with the app library, then `POST /api/v1/me/transfers/{id}/authorization` (signature checked, ");
		md.append("debit and credit in one transaction, notices queued, audit). ").append(transfers.customers());
		md.append(" customers, each making one transfer per row to another customer's account (1.00–4.99), after ");
		md.append("one such round of warm-up on ").append(TransferBenchmark.WARM_UP_THREADS);
		md.append(" threads. Clients, server, PostgreSQL and the outbox dispatcher share the machine's ");
		md.append(machine.cores()).append(" cores.\n\n");
		md.append("| Threads | Transfers | Transfers/s | p50 ms | p95 ms | p99 ms | Request p50 ms | ");
		md.append("Authorisation p50 ms | Errors |\n|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		for (TransferBenchmark.Round round : transfers.rounds()) {
			Phase phase = round.transfers();
			md.append("| ").append(round.threads()).append(" | ").append(phase.completed() + phase.errors());
			md.append(" | ").append(rate(phase.perSecond())).append(flag(phase)).append(" | ");
			md.append(ms(phase.latency().medianMs())).append(" | ").append(ms(phase.latency().p95Ms()));
			md.append(" | ").append(ms(phase.latency().p99Ms())).append(" | ").append(ms(round.requestMs()));
			md.append(" | ").append(ms(round.authorizationMs())).append(" | ").append(phase.errors()).append(" |\n");
		}
		TransferBenchmark.Ledger ledger = transfers.ledger();
		md.append("\nThe ledger afterwards (warm-up included): ").append(ledger.done()).append(" transfers done (");
		md.append(ledger.expectedDone()).append(" answered DONE), ").append(ledger.other());
		md.append(" refused or waiting; ").append(ledger.debits()).append(" debit and ").append(ledger.credits());
		md.append(" credit movements for ").append(ledger.debited().toPlainString()).append(" and ");
		md.append(ledger.credited().toPlainString()).append(" (transfers done: ");
		md.append(ledger.doneAmount().toPlainString()).append("); sum of all balances ");
		md.append(ledger.before().toPlainString()).append(" before, ").append(ledger.after().toPlainString());
		md.append(" after; accounts whose balance is not opening balance + movements: ");
		md.append(ledger.unbalancedAccounts()).append("; audit chain whole: ");
		md.append(ledger.auditChainWhole() ? "yes" : "**NO**").append(". Adds up: ");
		md.append(ledger.adds() ? "yes" : "**NO**").append(".\n");
		return md.toString();
	}

	private static String flag(Phase phase) {
		return phase.timedOut() ? " (stopped at " + PHASE_LIMIT.toSeconds() + " s)" : "";
	}

	private static String ms(double value) {
		return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
	}

	private static String mebibytes(double value) {
		if (Double.isNaN(value)) {
			return "?";
		}
		return value < 0.1 ? String.format(Locale.ROOT, "%.0f KiB", value * 1024)
				: String.format(Locale.ROOT, "%.1f MiB", value);
	}

	private static String rate(double value) {
		return String.format(Locale.ROOT, value < 100 ? "%.1f" : "%.0f", value);
	}

	// ------------------------------------------------------------------------------------------------------ misc

	/** The version in the name of the jar a class came from, e.g. 1.87 for bcprov-jdk18on-1.87.jar. */
	static String version(Class<?> type, String artifact) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		if (source != null) {
			String path = source.getLocation().getPath();
			String jar = path.substring(path.lastIndexOf('/') + 1);
			if (jar.startsWith(artifact + "-") && jar.endsWith(".jar")) {
				return jar.substring(artifact.length() + 1, jar.length() - ".jar".length());
			}
		}
		return "?";
	}

	/** clave-server/target, found from where this class was compiled to (target/test-classes). */
	static Path targetDirectory() {
		try {
			URL classes = ClaveBenchmark.class.getProtectionDomain().getCodeSource().getLocation();
			return Path.of(classes.toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void progress(String message) {
		System.err.println("[benchmark] " + message);
	}

	/** Keeps the classes compiled from the test sources (where this benchmark lives) out of component scanning. */
	static final class SkipTestSources extends TypeExcludeFilter {

		private final String testClasses = ClaveBenchmark.class.getProtectionDomain()
			.getCodeSource()
			.getLocation()
			.toString();

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			try {
				return reader.getResource().getURL().toString().startsWith(this.testClasses);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SkipTestSources;
		}

		@Override
		public int hashCode() {
			return SkipTestSources.class.hashCode();
		}

	}

}
