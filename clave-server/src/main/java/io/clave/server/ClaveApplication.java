package io.clave.server;

import java.time.Clock;

import io.clave.server.audit.AuditCommandLine;
import io.clave.server.backoffice.OperatorCommandLine;
import io.clave.server.corebanking.ImportCommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ClaveApplication {

	public static void main(String[] args) {
		if (OperatorCommandLine.isOperatorCommand(args)) {
			// `operator create ...` (README, "Back office"): a context without a web server, then exit
			System.exit(OperatorCommandLine.run(args, System.out, System.err));
		}
		if (AuditCommandLine.isAuditCommand(args)) {
			// `audit verify` (README, "Audit trail"): checks the hash chain, exit status 0 whole, 1 broken
			System.exit(AuditCommandLine.run(args, System.out, System.err));
		}
		if (ImportCommandLine.isImportCommand(args)) {
			// `import --file customers.csv` / `import generate ...` (docs/core-banking-import.md): no web server
			System.exit(ImportCommandLine.run(args, System.out, System.err));
		}
		SpringApplication.run(ClaveApplication.class, args);
	}

	/** Every expiry, cool-down and lockout reads this clock, so tests can move time instead of sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
