package io.clave.server.audit;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

import io.clave.server.shared.CommandLines;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * Runs {@link AuditCommand} from {@code ClaveApplication.main} when the first argument that is not a {@code --option}
 * is {@code audit}: an application context without a web server holding only the database (and Flyway) and the
 * audit trail, so that it starts quickly, runs no scheduled job and opens no port. Spring's own arguments
 * ({@code --spring.profiles.active=demo}, {@code --clave.database...=...}) are passed on.
 */
public final class AuditCommandLine {

	private AuditCommandLine() {
	}

	public static boolean isAuditCommand(String[] args) {
		return CommandLines.asks(args, AuditCommand.NAME);
	}

	/** @return the process's exit status */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		try (ConfigurableApplicationContext context = CommandLines.start(Context.class, args)) {
			return context.getBean(AuditCommand.class).run(List.of(args), out, err);
		}
	}

	/**
	 * The command's context. Not a {@code @Configuration}, so that the server's own component scan never picks it
	 * up; the packages below depend on nothing else (see their package-info).
	 */
	@EnableAutoConfiguration
	@ComponentScan(basePackages = { "io.clave.server.database", "io.clave.server.shared", "io.clave.server.audit" })
	@ConfigurationPropertiesScan(basePackages = { "io.clave.server.database", "io.clave.server.shared",
			"io.clave.server.audit" })
	static class Context {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
