package io.clave.server.browser;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corebanking.CardState;
import io.clave.server.support.TestCustomers;
import io.clave.server.support.TestCustomers.Person;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal self-enrollment in a real browser, as a customer does it: from the home page to "Operación Terminada
 * Exitosamente", once with a debit card and once with a credit card, typing the clave temporal on the shuffled
 * virtual keyboard; and the key page without JavaScript. Each test enrols its own fresh customer.
 */
class EnrollmentBrowserTests extends BrowserTest {

	private static final String PASSWORD = "Montana7Verde";

	private static final String WRONG_CARD_DATA = "Los datos ingresados no coinciden con los de tu tarjeta";

	@Autowired
	TestCustomers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Test
	void enrollsWithADebitCardTypingTheKeyOnTheVirtualKeyboard() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		String username = String.format("webdeb%05d", person.customerId() % 100_000);

		chooseThePath("path-debit", "cedula");
		type(By.id("cedula"), person.cedula().value());
		type(By.id("cardNumber"), person.cardNumber());
		type(By.id("pin"), wrongPin());
		type(By.id("issueDate"), "03/2024");
		type(By.id("expiryYear"), "2030");
		submitAndSeeTheGenericError("debit-card-wrong-pin");
		// what was typed comes back, except the card number and the PIN, which are typed again
		assertThat(valueOf(By.id("cedula"))).isEqualTo(person.cedula().value());
		type(By.id("cardNumber"), person.cardNumber());
		type(By.id("pin"), TestCustomers.PIN);
		screenshot("debit-card-filled");
		click(By.id("submit"));

		walkFromTheContactCheckToTheEnd(person, username, "TOKEN");
		assertEnrolled(person, username, "SOFT_TOKEN_PENDING");
	}

	@Test
	void enrollsWithACreditCardTypingTheKeyOnTheVirtualKeyboard() {
		Person person = this.customers.withCreditCard(CardState.ACTIVE);
		String username = String.format("webcre%05d", person.customerId() % 100_000);

		chooseThePath("path-credit", "cardNumber");
		type(By.id("cardNumber"), person.cardNumber());
		type(By.id("expiryMonth"), "08");
		type(By.id("expiryYear"), "2029");
		type(By.id("pin"), wrongPin());
		type(By.id("savingsAccount"), person.accountNumber());
		submitAndSeeTheGenericError("credit-card-wrong-pin");
		assertThat(valueOf(By.id("savingsAccount"))).isEqualTo(person.accountNumber());
		type(By.id("cardNumber"), person.cardNumber());
		type(By.id("pin"), TestCustomers.PIN);
		screenshot("credit-card-filled");
		click(By.id("submit"));

		walkFromTheContactCheckToTheEnd(person, username, "LATER");
		assertEnrolled(person, username, "SMS_ONE_TIME_KEY");
	}

	@Test
	void acceptsTheKeyTypedIntoAnOrdinaryFieldWithoutJavaScript() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		browserWithoutJavaScript();
		open("/registro/tarjeta-debito");
		type(By.id("cedula"), person.cedula().value());
		type(By.id("cardNumber"), person.cardNumber());
		type(By.id("pin"), TestCustomers.PIN);
		type(By.id("issueDate"), "03/2024");
		type(By.id("expiryYear"), "2030");
		screenshot("no-js-debit-card");
		click(By.id("submit"));
		waitForPath("/registro/contacto");
		screenshot("no-js-contact-check");

		String key = generateKey(person);
		assertThat(waitForPresent(By.id("keypad")).isDisplayed()).as("the keypad needs JavaScript").isFalse();
		assertThat(textOf(By.id("countdown"))).as("without JavaScript the page states when the key expires").contains("Vigencia:").contains("Vence a las");
		type(By.id("key"), key);
		assertThat(valueOf(By.id("key"))).isEqualTo(key);
		screenshot("no-js-key-typed");
		click(By.id("accept"));
		waitForPath("/registro/usuario");
		waitFor(By.id("username"));
		screenshot("no-js-username");
		assertThat(eventTypes(person, Outcome.SUCCESS)).contains("ENROLLMENT_KEY_VERIFIED");
	}

	// ---- the journey ------------------------------------------------------------------------------------------

	private void chooseThePath(String path, String firstField) {
		open("/");
		waitFor(By.id("enroll-link"));
		screenshot("home");
		click(By.id("enroll-link"));
		waitForPath("/registro");
		waitFor(By.id(path));
		screenshot("choose-path");
		click(By.id(path));
		waitFor(By.id(firstField));
		screenshot("card-form");
	}

	private void submitAndSeeTheGenericError(String screenshotName) {
		click(By.id("submit"));
		WebElement error = waitFor(By.cssSelector(".alert-error"));
		assertThat(error.getText()).contains(WRONG_CARD_DATA);
		// one message for the form, none next to a field: it must not say which datum was wrong
		assertThat(browser().findElements(By.cssSelector(".field-error"))).isEmpty();
		screenshot(screenshotName);
	}

	private void walkFromTheContactCheckToTheEnd(Person person, String username, String secondFactor) {
		// the registered contacts, masked
		waitForPath("/registro/contacto");
		String mobile = person.mobile().value();
		assertThat(textOf(By.id("masked-mobile"))).isEqualTo("******" + mobile.substring(mobile.length() - 4));
		assertThat(textOf(By.id("masked-email"))).contains("***").doesNotContain(person.email().value());
		screenshot("contact-check");

		// the clave temporal, typed on the shuffled virtual keyboard
		String key = generateKey(person);
		WebElement keypad = waitFor(By.id("keypad"));
		List<String> layout = keypad.findElements(By.cssSelector(".keypad-key[data-digit]"))
			.stream()
			.map(button -> button.getDomAttribute("data-digit"))
			.toList();
		assertThat(layout).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
		screenshot("key-page");
		click(By.cssSelector(".keypad-key[data-digit='" + key.charAt(0) + "']"));
		click(By.cssSelector(".keypad-key[data-action='delete']"));
		assertThat(valueOf(By.id("key"))).isEmpty();
		for (char digit : key.toCharArray()) {
			click(By.cssSelector(".keypad-key[data-digit='" + digit + "']"));
		}
		assertThat(valueOf(By.id("key"))).isEqualTo(key);
		screenshot("key-typed-on-keypad");
		click(By.id("accept"));

		// Paso 1: username, first too short
		waitForPath("/registro/usuario");
		assertThat(textOf(By.cssSelector(".wizard li.current"))).contains("Paso 1").contains("Creación de usuario");
		type(By.id("username"), "corto");
		type(By.id("confirmation"), "corto");
		click(By.id("continue"));
		assertThat(textOf(By.id("username-error"))).contains("El usuario debe tener de 8 a 14 caracteres");
		screenshot("username-too-short");
		type(By.id("username"), username);
		type(By.id("confirmation"), username);
		screenshot("username-filled");
		click(By.id("continue"));

		// Paso 2: password, with its rules told before typing
		waitForPath("/registro/clave");
		assertThat(textOf(By.id("password-rules"))).isNotBlank();
		type(By.id("password"), PASSWORD);
		type(By.id("confirmation"), PASSWORD);
		screenshot("password");
		click(By.id("continue"));

		// Paso 3: security image and phrase
		waitForPath("/registro/imagen");
		List<WebElement> images = browser().findElements(By.cssSelector(".gallery input[type='radio']"));
		assertThat(images).hasSizeGreaterThanOrEqualTo(12);
		WebElement image = images.get(2);
		image.click();
		assertThat(image.isSelected()).isTrue();
		type(By.id("phrase"), "Mi volcán favorito");
		screenshot("security-image");
		click(By.id("continue"));

		// Paso 4: contact data
		waitForPath("/registro/datos");
		type(By.id("homePhone"), "022345678");
		type(By.id("workPhone"), "042345678");
		screenshot("contact-data");
		click(By.id("continue"));

		// Paso 5: three different challenge questions and the terms
		waitForPath("/registro/preguntas");
		String[] answers = { "Firulais", "Cuenca", "Cajero" };
		for (int n = 1; n <= 3; n++) {
			Select question = new Select(waitFor(By.id("question" + n)));
			assertThat(question.getOptions()).hasSizeGreaterThanOrEqualTo(9);
			question.selectByIndex(n);
			type(By.id("answer" + n), answers[n - 1]);
		}
		click(By.id("acceptTerms"));
		assertThat(waitFor(By.id("acceptTerms")).isSelected()).isTrue();
		screenshot("challenge-questions");
		click(By.id("continue"));

		// Paso 6: second factor
		waitForPath("/registro/segundo-factor");
		assertThat(textOf(By.cssSelector(".options legend"))).contains("¿Tienes tu celular a la mano?");
		click(By.id("TOKEN".equals(secondFactor) ? "choice-token" : "choice-later"));
		screenshot("second-factor");
		click(By.id("continue"));

		// done
		waitForPath("/registro/exito");
		assertThat(textOf(By.id("done-title"))).isEqualTo("Operación Terminada Exitosamente");
		assertThat(textOf(By.id("done-username"))).contains(username);
		screenshot("done");
	}

	/** "Generar OTP", then the key as the customer's phone received it. */
	private String generateKey(Person person) {
		int before = SMS.receivedBy(person.mobile().e164()).size();
		click(By.id("generate"));
		waitForPath("/registro/clave-temporal");
		waitFor(By.id("key"));
		await().atMost(WAIT).until(() -> SMS.receivedBy(person.mobile().e164()).size() > before);
		return SMS.lastCode(person.mobile().e164(), 6).orElseThrow();
	}

	// ---- what the enrollment left behind ----------------------------------------------------------------------

	private void assertEnrolled(Person person, String username, String secondFactor) {
		String hash = this.jdbc.sql("SELECT password_hash FROM users WHERE username_key = ?")
			.param(username.toLowerCase())
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$argon2id$");
		assertThat(this.jdbc.sql("SELECT second_factor FROM users WHERE username_key = ?")
			.param(username.toLowerCase())
			.query(String.class)
			.single()).isEqualTo(secondFactor);

		// the confirmation, by e-mail and by SMS (after the clave temporal), naming the new username
		await().atMost(WAIT).until(() -> !mailTo(person.email().value()).isEmpty());
		assertThat(mailTo(person.email().value())).anySatisfy(mail -> assertThat(text(mail)).contains(username));
		await().atMost(WAIT).until(() -> SMS.receivedBy(person.mobile().e164()).size() >= 2);
		assertThat(SMS.receivedBy(person.mobile().e164()).get(1).text()).contains(username);

		assertThat(eventTypes(person, Outcome.SUCCESS)).contains("ENROLLMENT_CARD_CHECK", "ENROLLMENT_KEY_SENT",
				"ENROLLMENT_KEY_VERIFIED", "ENROLLMENT_USERNAME", "ENROLLMENT_PASSWORD", "ENROLLMENT_SECURITY_IMAGE",
				"ENROLLMENT_CONTACT_DATA", "ENROLLMENT_CHALLENGE_QUESTIONS", "ENROLLMENT_COMPLETED");
		assertThat(eventTypes(person, Outcome.FAILURE)).contains("ENROLLMENT_CARD_CHECK", "ENROLLMENT_USERNAME");
	}

	private List<String> eventTypes(Person person, Outcome outcome) {
		return this.audit.forSubject(person.subject(), 100)
			.stream()
			.filter(event -> event.outcome() == outcome)
			.map(RecordedAuditEvent::type)
			.toList();
	}

	private static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
			try {
				Address[] to = message.getAllRecipients();
				return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** The decoded text of a message, all its parts. */
	private static String text(Part part) {
		try {
			Object content = part.getContent();
			if (content instanceof Multipart multipart) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					text.append(text(multipart.getBodyPart(i))).append('\n');
				}
				return text.toString();
			}
			return content instanceof String string ? string : "";
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String wrongPin() {
		return "0000".equals(TestCustomers.PIN) ? "1111" : "0000";
	}

}
