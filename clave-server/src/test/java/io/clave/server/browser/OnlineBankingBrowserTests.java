package io.clave.server.browser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.clave.server.shared.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A demo customer's whole life in online banking, in a real browser, with a screenshot of every page: she enrols with
 * her debit card, logs in checking her security image and typing the SMS key, sees her balances and movements,
 * changes her password, logs out, locks her access with wrong passwords, unlocks it by recovery, and logs in again.
 * She is Lucía Paredes of the demo data (README), who has a debit and a credit card, savings and checking.
 */
class OnlineBankingBrowserTests extends BrowserTest {

	private static final String CEDULA = "0926687856";

	private static final String DEBIT_CARD = "4213560098765439";

	private static final String PIN = "4826";

	private static final PhoneNumber MOBILE = new PhoneNumber("0998877665");

	private static final String USERNAME = "cliente2024web";

	private static final String FIRST_PASSWORD = "Montana7Verde";

	private static final String SECOND_PASSWORD = "Laguna4Quilotoa";

	private static final String THIRD_PASSWORD = "Chimborazo9Sur";

	private static final String[] ANSWERS = { "Firulais", "Cuenca", "Cajero" };

	private static final String GENERIC_LOGIN_FAILURE = "El usuario o la clave no son correctos";

	@Autowired
	JdbcClient jdbc;

	/** The question texts she chose at enrollment, with her answers: recovery asks one of them. */
	private final Map<String, String> answersByQuestion = new HashMap<>();

	@Test
	void enrolsLogsInChangesThePasswordLocksTheAccessUnlocksItByRecoveryAndLogsInAgain() {
		enrol();

		logIn(FIRST_PASSWORD, true);
		seeBalancesAndMovements();
		changePassword(FIRST_PASSWORD, SECOND_PASSWORD);
		logOut();

		lockWithWrongPasswords();
		recoverAndSetANewPassword(THIRD_PASSWORD);

		logIn(THIRD_PASSWORD, false);
		assertThat(textOf(By.id("previous-login"))).contains("Tu último ingreso fue el");
		screenshot("home-again");
		assertThat(this.jdbc.sql("SELECT state = 'ACTIVE' AND locked_until IS NULL FROM users WHERE username_key = ?")
			.param(USERNAME)
			.query(Boolean.class)
			.single()).isTrue();
	}

	// ---- enrollment -------------------------------------------------------------------------------------------

	private void enrol() {
		open("/");
		screenshot("home");
		click(By.id("enroll-link"));
		click(By.id("path-debit"));
		type(By.id("cedula"), CEDULA);
		type(By.id("cardNumber"), DEBIT_CARD);
		type(By.id("pin"), PIN);
		type(By.id("issueDate"), "11/2023");
		type(By.id("expiryYear"), "2028");
		screenshot("enrol-debit-card");
		click(By.id("submit"));

		waitForPath("/registro/contacto");
		screenshot("enrol-contact-check");
		int before = smsCount();
		click(By.id("generate"));
		waitForPath("/registro/clave-temporal");
		typeOnKeypad(newKey(before));
		screenshot("enrol-key");
		click(By.id("accept"));

		waitForPath("/registro/usuario");
		type(By.id("username"), USERNAME);
		type(By.id("confirmation"), USERNAME);
		screenshot("enrol-username");
		click(By.id("continue"));
		waitForPath("/registro/clave");
		type(By.id("password"), FIRST_PASSWORD);
		type(By.id("confirmation"), FIRST_PASSWORD);
		screenshot("enrol-password");
		click(By.id("continue"));
		waitForPath("/registro/imagen");
		browser().findElements(By.cssSelector(".gallery input[type='radio']")).get(4).click();
		type(By.id("phrase"), "Mi laguna preferida");
		screenshot("enrol-image");
		click(By.id("continue"));
		waitForPath("/registro/datos");
		type(By.id("homePhone"), "022345678");
		type(By.id("workPhone"), "042345678");
		screenshot("enrol-contact-data");
		click(By.id("continue"));
		waitForPath("/registro/preguntas");
		for (int n = 1; n <= 3; n++) {
			Select question = new Select(waitFor(By.id("question" + n)));
			question.selectByIndex(n);
			this.answersByQuestion.put(question.getFirstSelectedOption().getText().strip(), ANSWERS[n - 1]);
			type(By.id("answer" + n), ANSWERS[n - 1]);
		}
		click(By.id("acceptTerms"));
		screenshot("enrol-questions");
		click(By.id("continue"));
		waitForPath("/registro/segundo-factor");
		click(By.id("choice-later"));
		screenshot("enrol-second-factor");
		click(By.id("continue"));
		waitForPath("/registro/exito");
		assertThat(textOf(By.id("done-username"))).contains(USERNAME);
		screenshot("enrol-done");
	}

	// ---- login ------------------------------------------------------------------------------------------------

	private void logIn(String password, boolean onTheVirtualKeyboard) {
		open("/ingreso");
		type(By.id("username"), USERNAME);
		screenshot("login-username");
		click(By.id("continue"));

		waitForPath("/ingreso/clave");
		assertThat(waitFor(By.cssSelector("#security-image img")).getDomAttribute("src")).contains("/images/security/");
		assertThat(textOf(By.id("security-phrase"))).isEqualTo("Mi laguna preferida");
		assertThat(textOf(By.cssSelector(".image-question"))).contains("¿Esta es tu imagen de seguridad?");
		if (onTheVirtualKeyboard) {
			typePasswordOnTheVirtualKeyboard(password);
		}
		else {
			type(By.id("password"), password);
		}
		screenshot("login-image-and-password");
		int before = smsCount();
		click(By.id("login"));

		waitForPath("/ingreso/segundo-factor");
		String key = newKey(before);
		screenshot("login-key");
		type(By.id("key"), key);
		click(By.id("accept"));
		waitForPath("/banca");
		screenshot("login-home");
	}

	/** Letters and digits from the shuffled keyboard; a capital is shift, the letter, shift again. */
	private void typePasswordOnTheVirtualKeyboard(String password) {
		WebElement keyboard = waitFor(By.id("keyboard"));
		List<String> keys = keyboard.findElements(By.cssSelector(".keypad-key[data-digit]"))
			.stream()
			.map(key -> key.getDomAttribute("data-digit"))
			.toList();
		assertThat(keys).hasSize(37).contains("a", "ñ", "z", "0", "9");
		for (char c : password.toCharArray()) {
			boolean capital = Character.isUpperCase(c);
			if (capital) {
				click(By.cssSelector("#keyboard [data-action='shift']"));
			}
			click(By.cssSelector("#keyboard .keypad-key[data-digit='" + Character.toLowerCase(c) + "']"));
			if (capital) {
				click(By.cssSelector("#keyboard [data-action='shift']"));
			}
		}
		assertThat(valueOf(By.id("password"))).isEqualTo(password);
	}

	private void seeBalancesAndMovements() {
		assertThat(textOf(By.cssSelector(".banking-content"))).contains("Hola").contains("$");
		List<WebElement> movements = browser().findElements(By.cssSelector("a[href^='/banca/cuentas/']"));
		assertThat(movements).isNotEmpty();
		movements.get(0).click();
		waitFor(By.cssSelector(".banking-table"));
		assertThat(browser().findElements(By.cssSelector(".banking-table tbody tr"))).hasSizeGreaterThanOrEqualTo(5);
		screenshot("movements");
		open("/banca/tarjetas");
		waitFor(By.cssSelector(".banking-table"));
		screenshot("cards");
	}

	private void changePassword(String current, String next) {
		open("/banca/perfil");
		screenshot("profile");
		click(By.id("change-password"));
		type(By.id("currentPassword"), current);
		type(By.id("password"), next);
		type(By.id("confirmation"), next);
		screenshot("profile-password");
		int before = smsCount();
		click(By.id("continue"));
		String key = newKey(before);
		type(By.id("code"), key);
		screenshot("profile-password-key");
		click(By.id("accept"));
		waitFor(By.cssSelector(".alert-info"));
		screenshot("profile-password-changed");
	}

	private void logOut() {
		click(By.cssSelector("form.signout button"));
		waitFor(By.id("username"));
		assertThat(textOf(By.cssSelector(".alert-info"))).contains("Cerraste tu sesión");
		screenshot("logged-out");
	}

	// ---- lock and recovery ------------------------------------------------------------------------------------

	private void lockWithWrongPasswords() {
		for (int attempt = 1; attempt <= 5; attempt++) {
			open("/ingreso");
			type(By.id("username"), USERNAME);
			click(By.id("continue"));
			type(By.id("password"), "Equivocada" + attempt);
			click(By.id("login"));
			assertThat(textOf(By.cssSelector(".alert-error"))).contains(GENERIC_LOGIN_FAILURE);
		}
		screenshot("locked-after-five-wrong-passwords");
		// locked: even the right password is refused, with the same words
		open("/ingreso");
		type(By.id("username"), USERNAME);
		click(By.id("continue"));
		type(By.id("password"), SECOND_PASSWORD);
		click(By.id("login"));
		assertThat(textOf(By.cssSelector(".alert-error"))).contains(GENERIC_LOGIN_FAILURE);
		screenshot("locked-right-password-refused");
		await().atMost(WAIT)
			.until(() -> SMS.receivedBy(MOBILE.e164()).stream().anyMatch(sms -> sms.text().contains("bloqueamos")));
	}

	private void recoverAndSetANewPassword(String password) {
		open("/ingreso");
		click(By.id("recover-link"));
		waitForPath("/recuperar");
		screenshot("recovery-start");
		click(By.id("path-debit"));
		type(By.id("cedula"), CEDULA);
		type(By.id("cardNumber"), DEBIT_CARD);
		type(By.id("pin"), PIN);
		type(By.id("issueDate"), "11/2023");
		type(By.id("expiryYear"), "2028");
		screenshot("recovery-card");
		click(By.id("submit"));

		waitForPath("/recuperar/contacto");
		screenshot("recovery-contact");
		int before = smsCount();
		click(By.id("send-key"));
		waitForPath("/recuperar/clave-temporal");
		type(By.id("key"), newKey(before));
		screenshot("recovery-key");
		click(By.id("accept"));

		waitForPath("/recuperar/pregunta");
		String question = textOf(By.id("question")).strip();
		assertThat(this.answersByQuestion).containsKey(question);
		type(By.id("answer"), this.answersByQuestion.get(question));
		screenshot("recovery-question");
		click(By.id("continue"));

		waitForPath("/recuperar/nueva-clave");
		assertThat(textOf(By.id("username"))).contains(USERNAME);
		type(By.id("password"), password);
		type(By.id("confirmation"), password);
		screenshot("recovery-new-password");
		click(By.id("change"));
		waitForPath("/recuperar/exito");
		screenshot("recovery-done");
		click(By.id("login"));
		waitForPath("/ingreso");
	}

	// ---- the phone --------------------------------------------------------------------------------------------

	private static int smsCount() {
		return SMS.receivedBy(MOBILE.e164()).size();
	}

	/** The clave temporal of the first SMS that arrives after {@code before} messages. */
	private static String newKey(int before) {
		await().atMost(WAIT).until(() -> SMS.receivedBy(MOBILE.e164()).size() > before);
		String text = SMS.receivedBy(MOBILE.e164()).get(before).text();
		java.util.regex.Matcher key = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(text);
		assertThat(key.find()).as(text).isTrue();
		return key.group(1);
	}

	private void typeOnKeypad(String key) {
		waitFor(By.id("keypad"));
		for (char digit : key.toCharArray()) {
			click(By.cssSelector("#keypad .keypad-key[data-digit='" + digit + "']"));
		}
		assertThat(valueOf(By.id("key"))).isEqualTo(key);
	}

}
