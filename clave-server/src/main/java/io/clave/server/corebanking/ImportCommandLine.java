package io.clave.server.corebanking;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.clave.server.shared.CommandLines;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The {@code import} command of the server jar (docs/core-banking-import.md), run from {@code ClaveApplication.main}
 * without a web server:
 *
 * <pre>
 * import --file customers.csv
 * import generate --count 1000000 --file big.csv
 * </pre>
 *
 * The first loads the file into the registry of the configured database (Spring's {@code --name=value} arguments are
 * passed on, e.g. {@code --spring.profiles.active=demo}), printing progress every 50,000 rows and every rejected row;
 * the second writes a valid synthetic file and needs no database. Exit status: 0 every row loaded (or the file
 * written), 1 some rows rejected, 2 wrong usage or a file that is not the format.
 */
public final class ImportCommandLine {

	public static final String NAME = "import";

	static final int OK = 0;

	static final int SOME_REJECTED = 1;

	static final int USAGE = 2;

	private ImportCommandLine() {
	}

	/** Whether the first argument that is not a {@code --option} is {@code import}. */
	public static boolean isImportCommand(String[] args) {
		return CommandLines.asks(args, NAME);
	}

	/** @return the process's exit status */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> words = new ArrayList<>();
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				words.add(arg);
			}
			else if (!arg.contains("=") && i + 1 < args.length) {
				options.put(arg.substring(2), args[++i]);
			}
			else if (arg.contains("=") && !arg.substring(2, arg.indexOf('=')).contains(".")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		String file = options.get("file");
		if (file == null || file.isBlank()) {
			return usage(err);
		}
		if (words.size() > 1 && "generate".equals(words.get(1))) {
			return generate(options.get("count"), Path.of(file), out, err);
		}
		if (words.size() > 1) {
			return usage(err);
		}
		Path path = Path.of(file);
		if (!Files.isReadable(path)) {
			err.println("Cannot read " + path.toAbsolutePath() + ".");
			return USAGE;
		}
		try (ConfigurableApplicationContext context = CommandLines.start(Context.class, args)) {
			return load(context.getBean(Imports.class), path, out, err);
		}
	}

	static int load(Imports imports, Path path, PrintStream out, PrintStream err) {
		long started = System.nanoTime();
		out.println("Importing " + path + " ...");
		ImportReport report;
		try (InputStream input = Files.newInputStream(path)) {
			report = imports.run(input, new ImportListener() {
				@Override
				public void progress(long rowsRead, long loaded, long rejected) {
					double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
					out.printf("%,d rows read, %,d loaded, %,d rejected (%,.0f rows/s)%n", rowsRead, loaded, rejected,
							rowsRead / seconds);
				}

				@Override
				public void rejected(ImportRejection rejection) {
					out.println("Rejected " + rejection.describe());
				}
			});
		}
		catch (ImportRefusedException ex) {
			err.println("Nothing imported: " + ex.reason().text() + " (docs/core-banking-import.md).");
			return USAGE;
		}
		catch (IOException ex) {
			err.println("Could not read " + path + ": " + ex.getMessage() + ". Batches already loaded stay; run the"
					+ " file again to finish (rows already loaded are left unchanged).");
			return USAGE;
		}
		out.println();
		out.printf("Done in %.1f s: %,d rows, %,d loaded, %,d rejected (%,d rows/s).%n",
				report.elapsed().toMillis() / 1000.0, report.rows(), report.loaded(), report.rejected(),
				report.rowsPerSecond());
		out.println("Customers: " + report.customers());
		out.println("Cards:     " + report.cards());
		out.println("Accounts:  " + report.accounts());
		out.printf("Peak Java heap used: %,d MiB.%n", peakHeap() / (1024 * 1024));
		return report.rejected() == 0 ? OK : SOME_REJECTED;
	}

	private static int generate(String count, Path path, PrintStream out, PrintStream err) {
		long n;
		try {
			n = Long.parseLong(count == null ? "" : count.replace("_", "").replace(",", ""));
		}
		catch (NumberFormatException ex) {
			return usage(err);
		}
		if (n < 1 || n > 100_000_000) {
			err.println("--count: 1 to 100,000,000 customers.");
			return USAGE;
		}
		long started = System.nanoTime();
		try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
			long rows = ImportFileGenerator.generate(n, output);
			out.printf("Wrote %s: %,d customers in %,d rows (%,d bytes) in %.1f s.%n", path, n, rows,
					Files.size(path), (System.nanoTime() - started) / 1e9);
			out.println("Every card's PIN is given in the file; see docs/core-banking-import.md.");
			return OK;
		}
		catch (IOException ex) {
			err.println("Could not write " + path + ": " + ex.getMessage());
			return USAGE;
		}
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	private static int usage(PrintStream err) {
		err.println("""
				Usage:
				  import --file <customers.csv>
				  import generate --count <customers> --file <big.csv>
				The format: docs/core-banking-import.md. Spring settings (--spring.profiles.active=demo...) may follow.""");
		return USAGE;
	}

	/**
	 * The command's context: the database, Flyway, the secrets and the registry, nothing else. Not a
	 * {@code @Configuration}, so that the server's own component scan never picks it up.
	 */
	@EnableAutoConfiguration
	@ComponentScan(basePackages = { "io.clave.server.database", "io.clave.server.shared", "io.clave.server.secrets",
			"io.clave.server.corebanking" })
	@ConfigurationPropertiesScan(basePackages = { "io.clave.server.database", "io.clave.server.shared",
			"io.clave.server.secrets", "io.clave.server.corebanking" })
	static class Context {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
