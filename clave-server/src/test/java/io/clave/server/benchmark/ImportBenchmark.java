package io.clave.server.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

import io.clave.server.benchmark.ClaveBenchmark.Stats;
import io.clave.server.corebanking.CardholderCheck;
import io.clave.server.corebanking.CardholderChecks;
import io.clave.server.corebanking.ImportFileGenerator;
import io.clave.server.corebanking.ImportListener;
import io.clave.server.corebanking.ImportReport;
import io.clave.server.corebanking.Imports;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code CLAVE_BENCHMARK_IMPORT=<customers>} in the environment, the login phase's application first imports a
 * generated file of that many customers (docs/core-banking-import.md), so that the logins and token checks
 * after it run against a registry of that size; and it times the enrolment's registry check
 * ({@code CardholderChecks.match}: the card by its number's hash, its holder, the PIN's hash) on cards spread over the
 * file. Run once with a small number and once with 1,000,000 to compare (docs/benchmarks.md).
 */
final class ImportBenchmark {

	static final String VARIABLE = "CLAVE_BENCHMARK_IMPORT";

	static final int CHECKS = 2000;

	static final int CHECK_WARM_UP = 500;

	record Report(long customers, ImportReport first, Stats cardChecks, int failures) {
	}

	/** The last run's report, for the Markdown. */
	static Optional<Report> last = Optional.empty();

	private ImportBenchmark() {
	}

	static long requested() {
		String value = System.getenv(VARIABLE);
		return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip().replace("_", ""));
	}

	static void runIfRequested(ConfigurableApplicationContext context) {
		long customers = requested();
		if (customers <= 0) {
			return;
		}
		try {
			run(context, customers);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void run(ConfigurableApplicationContext context, long customers) throws IOException {
		Path file = Files.createTempFile("clave-benchmark-import", ".csv");
		try {
			ClaveBenchmark.progress("Import: generating " + customers + " customers");
			try (OutputStream out = Files.newOutputStream(file)) {
				ImportFileGenerator.generate(customers, out);
			}
			Imports imports = context.getBean(Imports.class);
			ImportListener progress = new ImportListener() {
				@Override
				public void progress(long rowsRead, long loaded, long rejected) {
					if (rowsRead % 200_000 == 0) {
						ClaveBenchmark.progress("Import: " + rowsRead + " rows");
					}
				}
			};
			ImportReport first;
			try (InputStream in = Files.newInputStream(file)) {
				first = imports.run(in, progress);
			}
			ClaveBenchmark.progress("Import: " + first.rows() + " rows in " + first.elapsed().toMillis() + " ms");
			CardholderChecks checks = context.getBean(CardholderChecks.class);
			int failures = 0;
			long[] nanos = new long[CHECKS];
			for (int k = -CHECK_WARM_UP; k < CHECKS; k++) {
				long i = Math.floorMod((k + CHECK_WARM_UP) * 7_919L, customers);
				LocalDate issued = LocalDate.of(2023, 1, 1).plusDays(i % 700);
				CardholderChecks.DebitCardData data = new CardholderChecks.DebitCardData(
						ImportFileGenerator.cedulaOf(i), ImportFileGenerator.cardNumberOf("4999", i),
						ImportFileGenerator.pinOf(i), YearMonth.from(issued), issued.getYear() + 5);
				long started = System.nanoTime();
				CardholderCheck check = checks.match(data);
				long took = System.nanoTime() - started;
				if (k >= 0) {
					nanos[k] = took;
					failures += check.outcome() == CardholderCheck.Outcome.MATCHED ? 0 : 1;
				}
			}
			last = Optional.of(new Report(customers, first, Stats.of(nanos), failures));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	static String markdown() {
		if (last.isEmpty()) {
			return "";
		}
		Report r = last.get();
		return String.format(Locale.ROOT, """

				### Core-banking import before the logins (%s=%d)

				A generated file (`import generate`) imported into the login phase's application (its own throw-away PostgreSQL) before its logins and token checks.

				| Rows | Time s | Rows/s | Customers | Cards | Accounts | Rejected |
				|--:|--:|--:|---|---|---|--:|
				| %d | %.1f | %d | %s | %s | %s | %d |

				The enrolment's registry check (`CardholderChecks.match`: card by its number's hash, holder, PIN hash), in-process, one thread, %d debit cards spread over the file after %d of warm-up: p50 %.3f ms, mean %.3f ms, p95 %.3f ms, p99 %.3f ms; %d did not match.
				""", VARIABLE, r.customers(), r.first().rows(), r.first().elapsed().toMillis() / 1000.0,
				r.first().rowsPerSecond(), r.first().customers(), r.first().cards(), r.first().accounts(),
				r.first().rejected(), CHECKS, CHECK_WARM_UP, r.cardChecks().medianMs(), r.cardChecks().meanMs(),
				r.cardChecks().p95Ms(), r.cardChecks().p99Ms(), r.failures());
	}

}
