package io.clave.server.audit;

import java.io.PrintStream;
import java.util.List;

import io.clave.server.shared.ClientContext;

import org.springframework.stereotype.Component;

/**
 * The {@code audit} command of the server jar: {@code audit verify} checks the whole hash chain of the audit trail
 * (see {@link AuditVerification}) and says how many records it checked, or which record is the first one wrong and
 * why. The check is itself recorded ({@code AUDIT_CHAIN_VERIFIED}, subject {@code system:audit-command}).
 */
@Component
public class AuditCommand {

	public static final String NAME = "audit";

	static final int OK = 0;

	static final int BROKEN = 1;

	static final int USAGE = 2;

	static final String SUBJECT = "system:audit-command";

	private static final ClientContext CONSOLE = new ClientContext("127.0.0.1", "clave audit command");

	private final AuditVerification verification;

	private final AuditTrail trail;

	AuditCommand(AuditVerification verification, AuditTrail trail) {
		this.verification = verification;
		this.trail = trail;
	}

	/**
	 * @param args {@code audit verify}; arguments starting with {@code --} (Spring's) are ignored here
	 * @return the process's exit status: 0 the chain is whole, 1 it is broken, 2 wrong usage
	 */
	public int run(List<String> args, PrintStream out, PrintStream err) {
		List<String> words = args.stream().filter(arg -> !arg.startsWith("--")).toList();
		if (!words.isEmpty() && NAME.equals(words.get(0))) {
			words = words.subList(1, words.size());
		}
		if (words.size() != 1 || !"verify".equals(words.get(0))) {
			err.println("""
					Usage:
					  audit verify
					Checks the hash chain of the whole audit trail: exit status 0 when it is whole, 1 when a record was
					changed, removed or inserted. Spring settings (--spring.profiles.active=demo...) may follow.""");
			return USAGE;
		}
		ChainVerification result = this.verification.verify();
		record(result);
		if (result.isWhole()) {
			out.println("Audit trail: " + records(result.checked()) + " checked. OK");
			return OK;
		}
		err.println("Audit trail: BROKEN at record " + result.brokenAt() + ": " + result.problem().description()
				+ ". " + records(result.checked()) + " checked.");
		return BROKEN;
	}

	private static String records(long count) {
		return count + (count == 1 ? " record" : " records");
	}

	private void record(ChainVerification result) {
		AuditEvent event = result.isWhole()
				? AuditEvent.success("AUDIT_CHAIN_VERIFIED", SUBJECT, CONSOLE)
				: AuditEvent.failure("AUDIT_CHAIN_VERIFIED", SUBJECT, CONSOLE, result.problem().name())
					.with("brokenAt", String.valueOf(result.brokenAt()));
		this.trail.record(event.with("checked", Long.toString(result.checked())));
	}

}
