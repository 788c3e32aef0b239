package io.clave.server.backoffice;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

import io.clave.server.shared.CommandLines;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Runs {@link OperatorCommand} from {@code ClaveApplication.main} when the first argument is {@code operator}: an
 * application context without a web server, holding only the building blocks operators need (database, Flyway,
 * secrets, audit, identity's password encoder), so that it starts quickly, runs no scheduled job and opens no port.
 * Spring's own arguments ({@code --spring.profiles.active=demo}, {@code --clave.database...=...}) are passed on.
 */
public final class OperatorCommandLine {

	private OperatorCommandLine() {
	}

	/**
	 * Whether the arguments ask for the command: the first one that is not a {@code --option} is {@code operator}
	 * (Maven's {@code spring-boot:run} puts {@code --spring.profiles.active=demo} before the arguments given).
	 */
	public static boolean isOperatorCommand(String[] args) {
		return CommandLines.asks(args, OperatorCommand.NAME);
	}

	/** @return the process's exit status */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		try (ConfigurableApplicationContext context = CommandLines.start(Context.class, args)) {
			return context.getBean(OperatorCommand.class).run(List.of(args), out, err);
		}
	}

	/**
	 * The command's context. Not a {@code @Configuration}, so that the server's own component scan never picks it
	 * up; the packages below depend on nothing else (see their package-info).
	 */
	@EnableAutoConfiguration
	@ComponentScan(basePackages = { "io.clave.server.database", "io.clave.server.shared", "io.clave.server.secrets",
			"io.clave.server.audit", "io.clave.server.identity", "io.clave.server.backoffice" },
			excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
					pattern = "io\\.clave\\.server\\.backoffice\\.(web|console)\\..*"))
	@ConfigurationPropertiesScan(basePackages = { "io.clave.server.database", "io.clave.server.shared",
			"io.clave.server.secrets", "io.clave.server.audit", "io.clave.server.identity",
			"io.clave.server.backoffice" })
	static class Context {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
