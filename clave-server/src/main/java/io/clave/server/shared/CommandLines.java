package io.clave.server.shared;

import java.util.Arrays;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the server's commands ({@code operator}, {@code audit}, {@code import}) share: recognising their name among
 * the arguments, and starting a small application context of their own, without a web server, that receives only
 * Spring's own arguments ({@code --spring.profiles.active=demo}, {@code --clave.database...=...}).
 */
public final class CommandLines {

	private CommandLines() {
	}

	/**
	 * Whether the arguments ask for the command: the first one that is not a {@code --option} is its name (Maven's
	 * {@code spring-boot:run} puts {@code --spring.profiles.active=demo} before the arguments given).
	 */
	public static boolean asks(String[] args, String command) {
		return Arrays.stream(args).filter(arg -> !arg.startsWith("--")).findFirst().filter(command::equals).isPresent();
	}

	/** Starts the command's context (no web server, no banner, quiet logs); the caller closes it. */
	public static ConfigurableApplicationContext start(Class<?> context, String[] args) {
		String[] springArgs = Arrays.stream(args)
			.filter(arg -> arg.startsWith("--") && arg.contains("=") && arg.substring(2, arg.indexOf('=')).contains("."))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(context).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=WARN", "logging.level.io.clave=WARN")
			.run(springArgs);
	}

}
