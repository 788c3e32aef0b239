package io.clave.server.backoffice;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.otp.OtpAuthUri;
import io.clave.server.ClaveApplication;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented command, {@code java -jar clave-server.jar operator create ...}, run in this JVM through the same
 * entry {@link ClaveApplication#main} uses (a context of its own without a web server, on the test database): it
 * prints the first password and the {@code otpauth://} URI once, with which the new operator then signs in; a
 * username taken or a wrong usage ends with a non-zero status and a clear message.
 */
class OperatorCommandTests extends IntegrationTest {

	@Autowired
	OperatorCommand command;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsAnOperatorWhoCanThenSignIn() {
		String username = "ana." + UUID.randomUUID().toString().substring(0, 6);
		Run run = runCommandLine("operator", "create", "--username", username, "--name", "Ana Operadora", "--roles",
				"OPERATOR,SUPERVISOR", "--spring.profiles.active=test");

		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.out()).contains("Operator " + username + " (Ana Operadora) created with roles OPERATOR,SUPERVISOR")
			.contains("otpauth://totp/Banco%20Clave%20Backoffice:" + username + "?secret=")
			.contains("&issuer=Banco%20Clave%20Backoffice&algorithm=SHA1&digits=6&period=30")
			.contains("█");
		String password = find(run.out(), "First password.*:\\n  (\\S+)");
		OtpAuthUri uri = OtpAuthUri.parse(find(run.out(), "URI: (otpauth://\\S+)"));
		assertThat(this.jdbc.sql("SELECT roles::text FROM operators WHERE username = ?").param(username).query(String.class).single())
			.isEqualTo("{OPERATOR,SUPERVISOR}");
		assertThat(this.jdbc.sql("SELECT password_hash FROM operators WHERE username = ?").param(username).query(String.class).single())
			.startsWith("$argon2id$");

		WebSession browser = new WebSession(this.mvc);
		assertThat(browser.post("/backoffice/ingreso", "username", username, "password", password))
			.hasRedirectedUrl("/backoffice/ingreso/codigo");
		assertThat(browser.post("/backoffice/ingreso/codigo", "code", uri.totp().generate(uri.secret(), this.clock.instant())))
			.hasRedirectedUrl("/backoffice/ingreso/nueva-clave");

		Run again = runCommandLine("operator", "create", "--username", username.toUpperCase(), "--name", "Otra",
				"--spring.profiles.active=test");
		assertThat(again.status()).isEqualTo(1);
		assertThat(again.err()).contains("already exists");
		assertThat(again.out()).doesNotContain("otpauth://");
	}

	@Test
	void replacesTheAuthenticatorSecret() {
		String username = "luis." + UUID.randomUUID().toString().substring(0, 6);
		Run created = run("operator", "create", "--username", username, "--name", "Luis Auditor", "--roles", "AUDITOR");
		assertThat(created.status()).isZero();
		Run reset = run("operator", "reset-totp", "--username", username);
		assertThat(reset.status()).isZero();
		assertThat(reset.out()).contains("otpauth://totp/Banco%20Clave%20Backoffice:" + username + "?secret=");
		assertThat(find(reset.out(), "Key: (\\S+)")).isNotEqualTo(find(created.out(), "Key: (\\S+)"));
		assertThat(run("operator", "reset-totp", "--username", "nobody.here").status()).isEqualTo(1);
	}

	@Test
	void wrongUsageSaysHowToUseIt() {
		Run unknown = run("operator", "promote", "--username", "x");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).contains("Usage:").contains("operator create --username");
		assertThat(run("operator", "create", "--username", "ok.name", "--name", "X", "--roles", "ADMIN").err())
			.contains("Unknown role");
		Run badName = run("operator", "create", "--username", "a:b", "--name", "X");
		assertThat(badName.status()).isEqualTo(1);
		assertThat(badName.err()).contains("--username");
	}

	@Test
	void theServerRunsTheCommandWhateverSpringArgumentsComeFirst() {
		assertThat(OperatorCommandLine.isOperatorCommand(new String[] { "--spring.profiles.active=demo", "operator",
				"create" })).isTrue();
		assertThat(OperatorCommandLine.isOperatorCommand(new String[] { "operator", "create" })).isTrue();
		assertThat(OperatorCommandLine.isOperatorCommand(new String[] { "--server.port=9090" })).isFalse();
		assertThat(OperatorCommandLine.isOperatorCommand(new String[0])).isFalse();
	}

	private Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = this.command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static Run runCommandLine(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = OperatorCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static String find(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex + " in\n" + text).isTrue();
		return matcher.group(1);
	}

	record Run(int status, String out, String err) {
	}

}
