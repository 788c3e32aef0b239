package io.clave.server.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.otp.Totp;
import io.clave.server.corebanking.AccountKind;
import io.clave.server.corebanking.Accounts;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.SecondFactor;
import io.clave.server.support.TestCustomers;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.token.cli.ClaveTokenCli;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4's whole story in a real browser, with the reference command-line app (run as its own process, as a person
 * runs it) playing the phone: log in, activate the Token digital from a screenshot of the QR code, authorise a
 * transfer with a signing code over its amount and destination, lock the app with wrong PINs, unlock it through the
 * web, authorise another transfer with the new PIN, and see the balances change.
 */
class TransferWithTokenBrowserTests extends BrowserTest {

	private static final String PIN = "2580";

	private static final String NEW_PIN = "4682";

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	Accounts accounts;

	@Autowired
	ChallengeQuestions questions;

	private Path home;

	@AfterEach
	void forgetTheApp() throws IOException {
		if (this.home != null) {
			try (var files = Files.walk(this.home)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void activateWithTheCommandLineAppAuthoriseTransfersLockAndUnlockTheAppAndSeeTheBalancesChange()
			throws Exception {
		Enrolled maria = this.users.enrolled(SecondFactor.SOFT_TOKEN_PENDING);
		String mobile = maria.person().mobile().e164();
		long savings = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("500.00"));
		String rosasAccount = this.users.enrolled().person().accountNumber();
		BigDecimal rosaBefore = this.accounts.findByNumber(rosasAccount).orElseThrow().balance();
		this.home = Files.createTempDirectory("clave-token-cli");

		// log in with the SMS key, then "Activar" on the prompt: question, image and terms, the QR
		open("/ingreso");
		type(By.id("username"), maria.username());
		click(By.id("continue"));
		type(By.id("password"), TestUsers.PASSWORD);
		int before = SMS.receivedBy(mobile).size();
		click(By.id("login"));
		waitForPath("/ingreso/segundo-factor");
		await().atMost(WAIT).until(() -> SMS.codeAfter(mobile, before, 6).isPresent());
		type(By.id("key"), SMS.codeAfter(mobile, before, 6).orElseThrow());
		click(By.id("accept"));
		waitForPath("/banca/aviso-token");
		click(By.id("activate-token"));
		waitForPath("/banca/servicios/segundo-factor/activacion");
		type(By.id("answer"), answerTo(textOf(By.id("question"))));
		click(By.id("accept"));
		waitFor(By.id("security-image"));
		click(By.id("acceptTerms"));
		int beforeActivation = SMS.receivedBy(mobile).size();
		click(By.id("continue"));
		waitFor(By.id("activation-qr"));
		Path qr = screenshot("transfer-story-01-qr");

		// the phone: `activate --qr` with the screenshot, the SMS's activation code and a PIN typed twice
		await().atMost(WAIT).until(() -> SMS.codeAfter(mobile, beforeActivation, 8).isPresent());
		Cli activation = cli(List.of("activate", "--qr", qr.toString(), "--name", "BANCO", "--device", "Selenium"),
				SMS.codeAfter(mobile, beforeActivation, 8).orElseThrow(), PIN, PIN);
		assertThat(activation.status()).as(activation.toString()).isZero();
		String firstCode = activation.find("Primer código: (\\d{6})");
		type(By.id("code"), firstCode);
		click(By.id("confirm"));
		waitForPath("/banca/servicios/segundo-factor");
		assertThat(textOf(By.cssSelector(".alert-info"))).contains("Tu Token digital quedó activado");

		// a transfer to another customer, signed in the app over its amount and destination
		transfer(savings, rosasAccount, "125.50", "Arriendo");
		assertThat(textOf(By.id("token-instructions"))).contains("125.50", rosasAccount);
		screenshot("transfer-story-02-confirm");
		Cli signing = cli(List.of("sign", "--amount", "125.50", "--to", rosasAccount, "--name", "BANCO"), PIN);
		assertThat(signing.status()).as(signing.toString()).isZero();
		assertThat(signing.out()).contains("Transferencia de $125.50 a la cuenta ******"
				+ rosasAccount.substring(rosasAccount.length() - 4));
		type(By.id("code"), signing.find("Código de firma: (\\d{8})"));
		click(By.id("authorize"));
		waitFor(By.id("receipt"));
		assertThat(textOf(By.cssSelector("h1"))).isEqualTo("Transferencia realizada");
		assertThat(textOf(By.id("balance-now"))).isEqualTo("$374.50");
		screenshot("transfer-story-03-receipt");

		// three wrong PINs lock the app; it shows the unlock challenge
		assertThat(cli(List.of("code", "--name", "BANCO"), "1111").status()).isEqualTo(4);
		assertThat(cli(List.of("code", "--name", "BANCO"), "2222").status()).isEqualTo(4);
		Cli locked = cli(List.of("code", "--name", "BANCO"), "3333");
		assertThat(locked.err()).contains("bloqueado");
		String challenge = locked.find("Desafío de desbloqueo: (\\d{8})");
		assertThat(cli(List.of("sign", "--amount", "1.00", "--to", rosasAccount, "--name", "BANCO"), PIN).err())
			.as("locked: not even the right PIN opens it")
			.contains("bloqueado");

		// "Desbloqueo App": the challenge, the clave temporal by SMS, then the unlock code for the app
		open("/banca/servicios/segundo-factor/desbloqueo");
		type(By.id("challenge"), challenge);
		int beforeUnlock = SMS.receivedBy(mobile).size();
		click(By.id("send-key"));
		await().atMost(WAIT).until(() -> SMS.codeAfter(mobile, beforeUnlock, 6).isPresent());
		type(By.id("key"), SMS.codeAfter(mobile, beforeUnlock, 6).orElseThrow());
		click(By.id("accept"));
		String unlockCode = textOf(By.id("unlock-code"));
		screenshot("transfer-story-04-unlock-code");
		Cli unlock = cli(List.of("unlock", "--name", "BANCO"), unlockCode, NEW_PIN, NEW_PIN);
		assertThat(unlock.status()).as(unlock.toString()).isZero();
		assertThat(unlock.out()).contains("Token desbloqueado con el PIN nuevo.");

		// another transfer, between her own accounts, signed with the new PIN
		String checking = this.accounts.findById(this.customers.accountIdOf(maria.person())).orElseThrow().number();
		transfer(savings, checking, "74.50", "");
		Cli second = cli(List.of("sign", "--amount", "74.50", "--to", checking, "--name", "BANCO"), NEW_PIN);
		type(By.id("code"), second.find("Código de firma: (\\d{8})"));
		click(By.id("authorize"));
		waitFor(By.id("receipt"));
		assertThat(textOf(By.id("balance-now"))).isEqualTo("$300.00");

		// the balances, on the home page and in the registry
		open("/banca");
		assertThat(textOf(By.cssSelector("main"))).contains("$300.00", "$84.50");
		screenshot("transfer-story-05-balances");
		assertThat(this.accounts.findById(savings).orElseThrow().balance()).isEqualByComparingTo("300.00");
		assertThat(this.accounts.findByNumber(rosasAccount).orElseThrow().balance())
			.isEqualByComparingTo(rosaBefore.add(new BigDecimal("125.50")));
		await().atMost(WAIT)
			.until(() -> SMS.receivedBy(mobile).stream().filter(sms -> sms.text().contains("transferiste")).count() == 2);
	}

	private void transfer(long from, String to, String amount, String description) {
		open("/banca/transferencias");
		new Select(waitFor(By.id("fromAccount"))).selectByValue(Long.toString(from));
		click(By.id("destination-other"));
		type(By.id("toAccount"), to);
		type(By.id("amount"), amount);
		if (!description.isEmpty()) {
			type(By.id("description"), description);
		}
		screenshot("transfer-story-form-" + amount);
		click(By.id("continue"));
		waitFor(By.id("authorize-form"));
	}

	private String answerTo(String question) {
		for (Map.Entry<String, String> answer : TestUsers.ANSWERS.entrySet()) {
			if (this.questions.find(answer.getKey()).orElseThrow().text(Locale.forLanguageTag("es-EC")).equals(question)) {
				return answer.getValue();
			}
		}
		throw new AssertionError("not one of the user's questions: " + question);
	}

	/** What one run of the command-line app printed and how it ended. */
	record Cli(int status, String out, String err) {

		String find(String regex) {
			Matcher matcher = Pattern.compile(regex).matcher(this.out + "\n" + this.err);
			assertThat(matcher.find()).as(regex + " in " + this).isTrue();
			return matcher.group(1);
		}

	}

	/**
	 * Runs {@code clave-token} in a JVM of its own with the answers as its standard input: the shaded jar the README
	 * shows when it was built, otherwise the same classes from the test's class path.
	 */
	private Cli cli(List<String> arguments, String... answers) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		Path jar = Path.of(System.getProperty("basedir", "."), "..", "clave-token", "target", "clave-token.jar");
		if (Files.isRegularFile(jar)) {
			command.addAll(List.of("-jar", jar.toString()));
		}
		else {
			command.addAll(List.of("-cp", classPathOf(ClaveTokenCli.class, Totp.class, JSONObject.class,
					com.google.zxing.MultiFormatReader.class, com.google.zxing.client.j2se.MatrixToImageWriter.class),
					ClaveTokenCli.class.getName()));
		}
		command.addAll(arguments);
		command.addAll(List.of("--home", this.home.toString()));
		Process process = new ProcessBuilder(command).start();
		process.getOutputStream().write((String.join("\n", answers) + "\n").getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("clave-token " + arguments).isTrue();
		return new Cli(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
				new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	private static String classPathOf(Class<?>... classes) throws Exception {
		List<String> entries = new ArrayList<>();
		for (Class<?> type : classes) {
			entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

}
