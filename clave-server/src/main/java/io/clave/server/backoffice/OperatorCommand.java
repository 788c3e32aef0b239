package io.clave.server.backoffice;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.clave.server.shared.ClientContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The {@code operator} command of the server jar: creates operators (the first one included, since the back office
 * has no default account) and replaces an operator's authenticator secret. What it prints (the first password, the
 * secret) goes to the console only, never to the log.
 *
 * <pre>
 * operator create --username ana.ops --name "Ana Operadora" --roles OPERATOR,SUPERVISOR
 * operator reset-totp --username ana.ops
 * </pre>
 */
@Component
public class OperatorCommand {

	public static final String NAME = "operator";

	static final int OK = 0;

	static final int REFUSED = 1;

	static final int USAGE = 2;

	private static final ClientContext CONSOLE = new ClientContext("127.0.0.1", "clave operator command");

	private final Operators operators;

	OperatorCommand(Operators operators) {
		this.operators = operators;
	}

	/**
	 * @param args {@code operator <create|reset-totp> --option value...}; arguments of the form
	 * {@code --some.property=value} are Spring's and are ignored here
	 * @return the process's exit status: 0 done, 1 refused (e.g. the username is taken), 2 wrong usage
	 */
	public int run(List<String> args, PrintStream out, PrintStream err) {
		List<String> words = new ArrayList<>();
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				words.add(arg);
				continue;
			}
			String name = arg.substring(2);
			int equals = name.indexOf('=');
			if (equals >= 0) {
				if (!name.substring(0, equals).contains(".")) {
					options.put(name.substring(0, equals), name.substring(equals + 1));
				}
			}
			else if (i + 1 < args.size()) {
				options.put(name, args.get(++i));
			}
			else {
				options.put(name, "");
			}
		}
		if (!words.isEmpty() && NAME.equals(words.get(0))) {
			words.remove(0);
		}
		String command = words.isEmpty() ? "" : words.get(0);
		return switch (command) {
			case "create" -> create(options, out, err);
			case "reset-totp" -> resetTotp(options, out, err);
			default -> usage(err);
		};
	}

	private int create(Map<String, String> options, PrintStream out, PrintStream err) {
		Optional<Set<OperatorRole>> roles = roles(options.getOrDefault("roles", OperatorRole.OPERATOR.name()));
		if (roles.isEmpty()) {
			err.println("Unknown role in --roles " + options.get("roles") + ": use OPERATOR, SUPERVISOR and/or AUDITOR,"
					+ " separated by commas.");
			return USAGE;
		}
		OperatorCreation creation = this.operators.create(options.get("username"), options.get("name"), roles.get(),
				CONSOLE);
		if (creation instanceof OperatorCreation.Refused refused) {
			err.println(switch (refused.problem()) {
				case USERNAME_TAKEN -> "An operator with the username " + options.get("username")
						+ " already exists; nothing was created.";
				case USERNAME_INVALID -> "--username: 3 to 40 letters, digits, dots, dashes or underscores,"
						+ " starting and ending with a letter or digit.";
				case NAME_INVALID -> "--name: the operator's name, 1 to 100 characters.";
				case ROLES_INVALID -> "--roles: one or more of OPERATOR, SUPERVISOR, AUDITOR.";
			});
			return REFUSED;
		}
		OperatorEnrolment enrolment = ((OperatorCreation.Created) creation).enrolment();
		out.println("Operator " + enrolment.username() + " (" + enrolment.displayName() + ") created with roles "
				+ Operators.roleNames(enrolment.roles()) + ", id " + enrolment.operatorId() + ".");
		out.println();
		out.println("First password (shown only now; the first login asks for a new one):");
		out.println("  " + enrolment.initialPassword());
		out.println();
		printKey(enrolment.key(), out);
		return OK;
	}

	private int resetTotp(Map<String, String> options, PrintStream out, PrintStream err) {
		Optional<AuthenticatorKey> key = this.operators.resetAuthenticator(options.getOrDefault("username", ""),
				CONSOLE);
		if (key.isEmpty()) {
			err.println("No operator with the username " + options.get("username") + ".");
			return REFUSED;
		}
		out.println("New authenticator secret for " + options.get("username").strip().toLowerCase(Locale.ROOT)
				+ "; codes of the previous one no longer work.");
		out.println();
		printKey(key.get(), out);
		return OK;
	}

	private static void printKey(AuthenticatorKey key, PrintStream out) {
		out.println("Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator,");
		out.println("FreeOTP...), or add the key by hand (time-based, 6 digits, 30 seconds):");
		out.println();
		out.print(TerminalQr.render(key.uri()));
		out.println();
		out.println("  Key: " + key.secret());
		out.println("  URI: " + key.uri());
		out.println();
		out.println("Give the password and the key to the operator in person; they are not stored anywhere readable.");
	}

	private static Optional<Set<OperatorRole>> roles(@Nullable String text) {
		Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
		for (String part : (text == null ? "" : text).split(",")) {
			String name = part.strip().toUpperCase(Locale.ROOT);
			if (name.isEmpty()) {
				continue;
			}
			try {
				roles.add(OperatorRole.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
		return Optional.of(roles);
	}

	private static int usage(PrintStream err) {
		err.println("""
				Usage:
				  operator create --username <name> --name "<display name>" [--roles OPERATOR,SUPERVISOR,AUDITOR]
				  operator reset-totp --username <name>
				Roles default to OPERATOR. Spring settings (--spring.profiles.active=demo...) may follow.""");
		return USAGE;
	}

}
