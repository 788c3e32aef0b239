package io.clave.server.banking.web;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.banking.BankingTest;
import io.clave.server.identity.ChallengeAnswers;
import io.clave.server.identity.Passwords;
import io.clave.server.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The profile's changes as a browser makes them, with what they leave in the trail and the customer's inbox. */
class ProfilePagesTests extends BankingTest {

	private static final String NEW_PASSWORD = "Cotopaxi59Nieve";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Passwords passwords;

	@Autowired
	ChallengeAnswers answers;

	private WebSession browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new WebSession(this.mvc);
	}

	// ---- the password -----------------------------------------------------------------------------------------

	@Test
	void changesThePasswordOnceTheSmsKeyIsTypedAndTellsTheCustomer() throws Exception {
		Enrolled customer = enrolled();
		String mobile = customer.person().mobile().e164();

		MvcTestResult started = post(customer, "/banca/perfil/clave", "currentPassword", PASSWORD, "password",
				NEW_PASSWORD, "confirmation", NEW_PASSWORD);
		assertThat(started).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/banca/perfil/clave/confirmar");
		assertThat(this.passwords.matches(customer.userId(), PASSWORD)).as("nothing changes before the key").isTrue();
		assertThat(text(get(customer, "/banca/perfil/clave/confirmar")))
			.contains(customer.person().mobile().masked());
		String key = await().atMost(Duration.ofSeconds(10)).until(() -> SMS.lastCode(mobile, 6).orElse(null),
				code -> code != null);

		MvcTestResult confirmed = post(customer, "/banca/perfil/clave/confirmar", "code", key);

		assertThat(confirmed).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/banca/perfil");
		assertThat(text(get(customer, "/banca/perfil"))).contains("Tu contraseña fue cambiada");
		assertThat(this.passwords.matches(customer.userId(), NEW_PASSWORD)).isTrue();
		assertThat(this.passwords.matches(customer.userId(), PASSWORD)).isFalse();
		assertThat(auditTypes(customer, Outcome.SUCCESS)).contains("PASSWORD_CHANGE_REQUESTED", "SECOND_FACTOR",
				"PASSWORD_CHANGE");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(mobile).stream().anyMatch(sms -> sms.text().contains("contraseña")));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !mailsTo(customer.person().email().value()).isEmpty());
		MimeMessage mail = mailsTo(customer.person().email().value()).get(0);
		assertThat(mail.getSubject()).contains("Cambio de contraseña");
		assertThat(SMS.receivedBy(mobile).get(SMS.receivedBy(mobile).size() - 1).text())
			.contains("Tu contraseña de banca en línea se cambió")
			.doesNotContain(NEW_PASSWORD);
		assertThat(auditEvents(customer).toString()).doesNotContain(NEW_PASSWORD).doesNotContain(PASSWORD);
	}

	@Test
	void aWrongCurrentPasswordIsRefusedAndCountsTowardsTheLockout() {
		Enrolled customer = enrolled();

		MvcTestResult refused = post(customer, "/banca/perfil/clave", "currentPassword", "Otra1234Clave", "password",
				NEW_PASSWORD, "confirmation", NEW_PASSWORD);

		assertThat(refused).hasStatusOk();
		assertThat(text(refused)).contains("La contraseña actual no es correcta");
		assertThat(failedAttempts(customer)).isEqualTo(1);
		assertThat(SMS.receivedBy(customer.person().mobile().e164())).isEmpty();
		assertThat(auditEvents(customer)).anySatisfy(event -> {
			assertThat(event.type()).isEqualTo("PASSWORD_CHANGE");
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.details()).containsEntry("reason", "wrong-current-password");
		});
	}

	@Test
	void aNewPasswordAgainstThePolicyIsRefusedBeforeAnyKeyIsSent() {
		Enrolled customer = enrolled();

		assertThat(text(post(customer, "/banca/perfil/clave", "currentPassword", PASSWORD, "password", "corta",
				"confirmation", "corta")))
			.contains("La clave debe tener de 8 a 20 caracteres");
		assertThat(text(post(customer, "/banca/perfil/clave", "currentPassword", PASSWORD, "password", NEW_PASSWORD,
				"confirmation", NEW_PASSWORD + "x")))
			.contains("La confirmación no coincide con la clave");
		assertThat(SMS.receivedBy(customer.person().mobile().e164())).isEmpty();
		assertThat(this.passwords.matches(customer.userId(), PASSWORD)).isTrue();
	}

	@Test
	void aRecentlyUsedPasswordIsRefused() {
		Enrolled customer = enrolled();

		MvcTestResult refused = post(customer, "/banca/perfil/clave", "currentPassword", PASSWORD, "password",
				PASSWORD, "confirmation", PASSWORD);

		assertThat(text(refused)).contains("no puede ser igual a tu clave actual ni a una de las últimas");
		assertThat(SMS.receivedBy(customer.person().mobile().e164())).isEmpty();
		assertThat(auditEvents(customer)).anySatisfy(event -> assertThat(event.details())
			.containsEntry("reason", "password.rule.recently_used"));
	}

	@Test
	void aWrongSmsKeyIsRefusedAndThePasswordStays() {
		Enrolled customer = enrolled();
		String mobile = customer.person().mobile().e164();
		post(customer, "/banca/perfil/clave", "currentPassword", PASSWORD, "password", NEW_PASSWORD, "confirmation",
				NEW_PASSWORD);
		String key = await().atMost(Duration.ofSeconds(10)).until(() -> SMS.lastCode(mobile, 6).orElse(null),
				code -> code != null);
		String wrong = key.equals("000000") ? "111111" : "000000";

		MvcTestResult refused = post(customer, "/banca/perfil/clave/confirmar", "code", wrong);

		assertThat(refused).hasStatusOk();
		assertThat(text(refused)).contains("La clave temporal no es correcta");
		assertThat(this.passwords.matches(customer.userId(), PASSWORD)).isTrue();
		assertThat(failedAttempts(customer)).isEqualTo(1);
		assertThat(post(customer, "/banca/perfil/clave/reenviar")).hasStatus(HttpStatus.FOUND);
		assertThat(text(get(customer, "/banca/perfil/clave/confirmar"))).contains("Espera un momento");
	}

	@Test
	void whenWrongPasswordsLockTheAccountTheSessionEndsAndTheCustomerLandsOnTheLoginPage() {
		Enrolled customer = enrolled();
		get(customer, "/banca/perfil/clave");
		this.jdbc.sql("UPDATE users SET failed_attempts = 4 WHERE id = ?").param(customer.userId()).update();
		String session = this.browser.sessionId();
		assertThat(session).isNotNull();

		MvcTestResult locked = post(customer, "/banca/perfil/clave", "currentPassword", "Otra1234Clave", "password",
				NEW_PASSWORD, "confirmation", NEW_PASSWORD);

		assertThat(locked).hasStatus(HttpStatus.FOUND);
		assertThat(locked.getResponse().getRedirectedUrl()).startsWith("/ingreso");
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ?")
			.param(session)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT locked_until FROM users WHERE id = ?")
			.param(customer.userId())
			.query(java.sql.Timestamp.class)
			.optional()).isPresent();
		assertThat(auditTypes(customer, Outcome.FAILURE)).contains("PASSWORD_CHANGE", "SESSION_END");
	}

	// ---- image, questions, phones -----------------------------------------------------------------------------

	@Test
	void changesTheSecurityImageAndPhrase() {
		Enrolled customer = enrolled();
		assertThat(text(get(customer, "/banca/perfil/imagen"))).contains("20-banano");

		assertThat(post(customer, "/banca/perfil/imagen", "image", "16-condor", "phrase", "Vuela alto"))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/banca/perfil");

		assertThat(this.jdbc.sql("SELECT security_image || '|' || security_phrase FROM users WHERE id = ?")
			.param(customer.userId())
			.query(String.class)
			.single()).isEqualTo("16-condor|Vuela alto");
		assertThat(text(get(customer, "/banca/perfil"))).contains("Tu imagen y tu frase de seguridad fueron cambiadas");
		assertThat(auditTypes(customer, Outcome.SUCCESS)).contains("SECURITY_IMAGE_CHANGE");
	}

	@Test
	void refusesAnUnknownImageAndAPhraseWithSymbols() {
		Enrolled customer = enrolled();

		String body = text(post(customer, "/banca/perfil/imagen", "image", "99-nada", "phrase", "<script>"));

		assertThat(body).contains("Escoge una de las imágenes", "La frase solo puede tener letras");
		assertThat(auditTypes(customer, Outcome.FAILURE)).contains("SECURITY_IMAGE_CHANGE");
	}

	@Test
	void replacesTheChallengeQuestionsAndAnswers() {
		Enrolled customer = enrolled();

		assertThat(post(customer, "/banca/perfil/preguntas", "question1", "q04", "answer1", "Encebollado",
				"question2", "q05", "answer2", "Escuela Sucre", "question3", "q06", "answer3", "Guayaquil"))
			.hasStatus(HttpStatus.FOUND);

		assertThat(this.answers.questionsOf(customer.userId())).containsExactly("q04", "q05", "q06");
		assertThat(this.answers.matches(customer.userId(), "q04", "  ENCEBOLLADO ")).isTrue();
		assertThat(auditTypes(customer, Outcome.SUCCESS)).contains("CHALLENGE_QUESTIONS_CHANGE");
		assertThat(auditEvents(customer).toString()).doesNotContain("Encebollado");
	}

	@Test
	void refusesRepeatedQuestionsAndShortAnswers() {
		Enrolled customer = enrolled();

		String body = text(post(customer, "/banca/perfil/preguntas", "question1", "q04", "answer1", "Encebollado",
				"question2", "q04", "answer2", "Otra cosa", "question3", "q06", "answer3", "x"));

		assertThat(body).contains("Escoge tres preguntas distintas", "La respuesta es demasiado corta")
			.doesNotContain("Encebollado");
		assertThat(this.answers.questionsOf(customer.userId())).containsExactly("q01", "q02", "q03");
	}

	@Test
	void updatesTheHomeAndWorkPhones() {
		Enrolled customer = enrolled();

		assertThat(post(customer, "/banca/perfil/telefonos", "homePhone", "(02) 234-5678", "workPhone", "042 345 678"))
			.hasStatus(HttpStatus.FOUND);

		assertThat(this.jdbc.sql("SELECT home_phone || '|' || work_phone FROM customers WHERE id = ?")
			.param(customer.person().customerId())
			.query(String.class)
			.single()).isEqualTo("022345678|042345678");
		assertThat(auditTypes(customer, Outcome.SUCCESS)).contains("CONTACT_PHONES_CHANGE");
	}

	@Test
	void refusesPhonesThatAreNotEcuadorian() {
		Enrolled customer = enrolled();

		String body = text(post(customer, "/banca/perfil/telefonos", "homePhone", "12345", "workPhone", ""));

		assertThat(body).contains("Ingresa un teléfono ecuatoriano válido", "Este campo es obligatorio");
		assertThat(auditTypes(customer, Outcome.FAILURE)).contains("CONTACT_PHONES_CHANGE");
	}

	@Test
	void theProfileShowsTheRegisteredMobileAndEmailMaskedAndWhereToChangeThem() {
		Enrolled customer = enrolled();

		String body = text(get(customer, "/banca/perfil"));

		assertThat(body).contains(customer.person().mobile().masked(), customer.person().email().masked(),
				"Caja de Servicios de cualquier agencia", customer.username())
			.doesNotContain(customer.person().email().value())
			.doesNotContain(customer.person().mobile().value());
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private MvcTestResult get(Enrolled customer, String uri) {
		return this.browser.exchange(this.mvc.get().uri(uri).with(signedIn(customer)));
	}

	private MvcTestResult post(Enrolled customer, String uri, String... params) {
		MockMvcRequestBuilder request = this.mvc.post().uri(uri).with(csrf()).with(signedIn(customer));
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return this.browser.exchange(request);
	}

	private int failedAttempts(Enrolled customer) {
		return this.jdbc.sql("SELECT failed_attempts FROM users WHERE id = ?")
			.param(customer.userId())
			.query(Integer.class)
			.single();
	}

	private static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unused")
	private static List<String> reasons(List<RecordedAuditEvent> events) {
		return events.stream().map(event -> event.details().getOrDefault("reason", "")).toList();
	}

}
