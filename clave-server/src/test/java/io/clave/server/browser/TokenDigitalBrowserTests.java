package io.clave.server.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.SecondFactor;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.token.ActivationClient;
import io.clave.token.ActivationResult;
import io.clave.token.ActivationText;
import io.clave.token.Codes;
import io.clave.token.Crypto;
import io.clave.token.IdentityStore;
import io.clave.token.PinAttempt;
import io.clave.token.PinCheck;
import io.clave.token.PinRules;
import io.clave.token.QrCodes;
import io.clave.token.TokenSecrets;
import io.clave.token.TokenVault;
import io.clave.token.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Token digital in a real browser, with the real app library playing the phone: the customer logs in, accepts
 * the prompt, answers the challenge question, confirms the image and the terms; the app reads the QR code from a
 * screenshot of the page, takes the activation code from the SMS and a PIN, and its first code confirms the
 * activation; the next login asks the token's code instead of sending an SMS.
 */
class TokenDigitalBrowserTests extends BrowserTest {

	@Autowired
	TestUsers users;

	@Autowired
	ChallengeQuestions questions;

	@Autowired
	MovableClock clock;

	private Path home;

	@AfterEach
	void resetClockAndForgetTheApp() throws Exception {
		this.clock.reset();
		if (this.home != null) {
			try (var files = Files.walk(this.home)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void activatesTheTokenFromAScreenshotOfTheQrCodeAndLogsInWithItsCode() throws Exception {
		Enrolled maria = this.users.enrolled(SecondFactor.SOFT_TOKEN_PENDING);
		logInWithTheSmsKey(maria);
		waitForPath("/banca/aviso-token");
		screenshot("token-prompt");
		click(By.id("activate-token"));

		waitForPath("/banca/servicios/segundo-factor/activacion");
		type(By.id("answer"), answerTo(textOf(By.id("question"))));
		screenshot("token-question");
		click(By.id("accept"));
		waitFor(By.id("security-image"));
		click(By.id("acceptTerms"));
		screenshot("token-image-and-terms");
		int smsBefore = SMS.receivedBy(maria.person().mobile().e164()).size();
		click(By.id("continue"));
		waitFor(By.id("activation-qr"));
		Path qrScreenshot = screenshot("token-qr");

		// the phone: the app reads the screenshot, the person types the SMS code and a PIN
		ActivationText text = ActivationText.parse(QrCodes.read(qrScreenshot).orElseThrow());
		await().atMost(WAIT).until(() -> SMS.codeAfter(maria.person().mobile().e164(), smsBefore, 8).isPresent());
		String activationCode = SMS.codeAfter(maria.person().mobile().e164(), smsBefore, 8).orElseThrow();
		ActivationResult result = ActivationClient.withTimeout(Duration.ofSeconds(10))
			.activate(text, activationCode, "Selenium phone");
		assertThat(result).isInstanceOf(ActivationResult.Activated.class);
		this.home = Files.createTempDirectory("clave-token-home");
		SecureRandom random = new SecureRandom();
		IdentityStore store = new IdentityStore(this.home);
		Tokens app = new Tokens(store, new TokenVault(new Crypto(random), random), new PinRules());
		assertThat(app.activate("BANCO", ((ActivationResult.Activated) result).token(), "1234", "1234"))
			.as("a run of digits is refused")
			.isNotEqualTo(PinCheck.ACCEPTED);
		assertThat(app.activate("BANCO", ((ActivationResult.Activated) result).token(), "1357", "1357"))
			.isEqualTo(PinCheck.ACCEPTED);

		type(By.id("code"), currentCode(store, app));
		screenshot("token-first-code");
		click(By.id("confirm"));
		waitForPath("/banca/servicios/segundo-factor");
		assertThat(textOf(By.cssSelector(".alert-info"))).contains("Tu Token digital quedó activado");
		screenshot("token-active");

		// the next login: the token's code, no SMS
		click(By.cssSelector("form.signout button"));
		waitFor(By.id("username"));
		this.clock.advance(Duration.ofSeconds(31));
		int beforeLogin = SMS.receivedBy(maria.person().mobile().e164()).size();
		type(By.id("username"), maria.username());
		click(By.id("continue"));
		type(By.id("password"), TestUsers.PASSWORD);
		click(By.id("login"));
		waitForPath("/ingreso/segundo-factor");
		assertThat(textOf(By.id("token-prompt"))).contains("Token digital");
		type(By.id("key"), currentCode(store, app));
		screenshot("login-token-code");
		click(By.id("accept"));
		waitForPath("/banca");
		assertThat(SMS.codeAfter(maria.person().mobile().e164(), beforeLogin, 6)).as("no clave temporal was sent")
			.isEmpty();
	}

	private String currentCode(IdentityStore store, Tokens app) throws Exception {
		PinAttempt attempt = app.usePin(store.find("BANCO").orElseThrow(), "1357");
		assertThat(attempt).isInstanceOf(PinAttempt.Opened.class);
		PinAttempt.Opened opened = (PinAttempt.Opened) attempt;
		try (TokenSecrets secrets = opened.secrets()) {
			return new Codes(this.clock).current(opened.identity(), secrets).code();
		}
	}

	private void logInWithTheSmsKey(Enrolled user) {
		open("/ingreso");
		type(By.id("username"), user.username());
		click(By.id("continue"));
		type(By.id("password"), TestUsers.PASSWORD);
		int before = SMS.receivedBy(user.person().mobile().e164()).size();
		click(By.id("login"));
		waitForPath("/ingreso/segundo-factor");
		await().atMost(WAIT).until(() -> SMS.codeAfter(user.person().mobile().e164(), before, 6).isPresent());
		type(By.id("key"), SMS.codeAfter(user.person().mobile().e164(), before, 6).orElseThrow());
		click(By.id("accept"));
	}

	private String answerTo(String question) {
		for (Map.Entry<String, String> answer : TestUsers.ANSWERS.entrySet()) {
			if (this.questions.find(answer.getKey()).orElseThrow().text(Locale.forLanguageTag("es-EC")).equals(question)) {
				return answer.getValue();
			}
		}
		throw new AssertionError("not one of the user's questions: " + question);
	}

}
