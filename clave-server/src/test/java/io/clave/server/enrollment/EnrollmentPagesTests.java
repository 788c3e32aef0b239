package io.clave.server.enrollment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corebanking.CardState;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCustomers;
import io.clave.server.support.WebSession;
import io.clave.server.support.TestCustomers.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The enrollment pages as a browser without JavaScript uses them. */
class EnrollmentPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestCustomers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	MovableClock clock;

	@LocalServerPort
	int port;

	private WebSession session;

	@BeforeEach
	void newVisitor() {
		this.session = new WebSession(this.mvc);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void walksTheWholeEnrollmentWithADebitCard() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		startWithDebitCard(person);
		assertThat(get("/registro/contacto")).bodyText().contains("******" + person.mobile().value().substring(6));
		toUsernameStep(person);
		completeWizard("clienq" + String.format("%06d", person.customerId() % 1000000), "LATER");

		MvcTestResult done = get("/registro/exito");
		assertThat(done).hasStatusOk().bodyText().contains("Operación Terminada Exitosamente");
		String hash = this.jdbc.sql("SELECT password_hash FROM users WHERE customer_id = ?")
			.param(person.customerId())
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$argon2id$");
		assertThat(this.jdbc.sql("SELECT home_phone FROM customers WHERE id = ?")
			.param(person.customerId())
			.query(String.class)
			.single()).isEqualTo("022345678");
		assertThat(this.audit.forSubject(person.subject(), 50)).extracting(RecordedAuditEvent::type)
			.contains("ENROLLMENT_CARD_CHECK", "ENROLLMENT_KEY_SENT", "ENROLLMENT_KEY_VERIFIED", "ENROLLMENT_USERNAME",
					"ENROLLMENT_PASSWORD", "ENROLLMENT_SECURITY_IMAGE", "ENROLLMENT_CONTACT_DATA",
					"ENROLLMENT_CHALLENGE_QUESTIONS", "ENROLLMENT_COMPLETED");
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy(person.mobile().e164()).size() >= 2);
		assertThat(auditText(person)).doesNotContain("Montana7Verde").doesNotContain(TestCustomers.PIN + "\"");
	}

	@Test
	void refusesWrongCardDataWithOneGenericMessageThenBlocksTheCard() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		for (int attempt = 1; attempt <= 2; attempt++) {
			assertThat(postDebit(person.cedula().value(), person.cardNumber(), "0000", "03/2024", "2030")).bodyText()
				.contains("Los datos ingresados no coinciden con los de tu tarjeta");
		}
		assertThat(postDebit(person.cedula().value(), person.cardNumber(), TestCustomers.PIN, "04/2024", "2030"))
			.bodyText()
			.contains("no puede usarse para registrarte durante las próximas horas");
		assertThat(postDebit(person.cedula().value(), person.cardNumber(), TestCustomers.PIN, "03/2024", "2030"))
			.bodyText()
			.contains("no puede usarse para registrarte durante las próximas horas");
		this.clock.advance(Duration.ofHours(24));
		assertThat(postDebit(person.cedula().value(), person.cardNumber(), TestCustomers.PIN, "03/2024", "2030"))
			.hasStatus(HttpStatus.FOUND);
	}

	@Test
	void refusesBlockedAndExpiredCards() {
		Person blocked = this.customers.withDebitCard(CardState.BLOCKED);
		assertThat(postDebit(blocked.cedula().value(), blocked.cardNumber(), TestCustomers.PIN, "03/2024", "2030"))
			.bodyText()
			.contains("no está activa");
		Person expired = this.customers.withExpiredDebitCard();
		assertThat(postDebit(expired.cedula().value(), expired.cardNumber(), TestCustomers.PIN, "01/2020", "2025"))
			.bodyText()
			.contains("no está activa");
	}

	@Test
	void tellsAnEnrolledCustomerToLogInInstead() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		startWithDebitCard(person);
		toUsernameStep(person);
		completeWizard("cliene" + String.format("%06d", person.customerId() % 1000000), "TOKEN");
		MvcTestResult again = this.mvc.post()
			.uri("/registro/tarjeta-debito")
			.with(csrf())
			.param("cedula", person.cedula().value())
			.param("cardNumber", person.cardNumber())
			.param("pin", TestCustomers.PIN)
			.param("issueDate", "03/2024")
			.param("expiryYear", "2030")
			.exchange();
		assertThat(again).bodyText().contains("Ya tienes un usuario de banca en línea");
	}

	@Test
	void letsOnlyOneOfTwoParallelEnrollmentsOfTheSameCustomerFinish() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		EnrollmentPagesTests second = new EnrollmentPagesTests();
		second.mvc = this.mvc;
		second.session = new WebSession(this.mvc);
		startWithDebitCard(person);
		second.startWithDebitCard(person);
		toUsernameStep(person);
		this.clock.advance(Duration.ofSeconds(61));
		second.toUsernameStep(person);
		completeWizard("clienp" + String.format("%06d", person.customerId() % 1000000), "LATER");
		MvcTestResult secondFinish = second.post("/registro/usuario", "username", "cliens" + String.format("%06d", person.customerId() % 1000000),
				"confirmation", "cliens" + String.format("%06d", person.customerId() % 1000000));
		assertThat(secondFinish).hasRedirectedUrl("/registro/clave");
		second.post("/registro/clave", "password", "Montana7Verde", "confirmation", "Montana7Verde");
		second.post("/registro/imagen", "image", "02-colibri", "phrase", "");
		second.post("/registro/datos", "homePhone", "022345678", "workPhone", "042345678");
		second.post("/registro/preguntas", "question1", "q01", "answer1", "Firulais", "question2", "q02", "answer2",
				"Cuenca", "question3", "q03", "answer3", "Cajero", "acceptTerms", "true");
		assertThat(second.post("/registro/segundo-factor", "choice", "LATER")).bodyText()
			.contains("Ya tienes un usuario de banca en línea");
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE customer_id = ?")
			.param(person.customerId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void showsTheCurrentStepWhateverAddressIsTyped() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		startWithDebitCard(person);
		assertThat(get("/registro/segundo-factor")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/registro/contacto");
		assertThat(get("/registro/usuario")).hasRedirectedUrl("/registro/contacto");
		MvcTestResult stale = post("/registro/usuario", "username", "rosaquishpe1", "confirmation", "rosaquishpe1");
		assertThat(stale).hasRedirectedUrl("/registro/contacto");
		assertThat(this.jdbc.sql("SELECT count(*) FROM enrollments WHERE customer_id = ? AND username IS NOT NULL")
			.param(person.customerId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void expiresAnAbandonedEnrollment() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		startWithDebitCard(person);
		toUsernameStep(person);
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(get("/registro/usuario")).hasStatusOk().bodyText().contains("expiró");
		assertThat(post("/registro/usuario", "username", "rosaquishpe2", "confirmation", "rosaquishpe2")).bodyText()
			.contains("Empieza de nuevo");
	}

	@Test
	void answersEverySubmittedStepWithAFieldMessage() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		startWithDebitCard(person);
		toUsernameStep(person);
		assertThat(post("/registro/usuario", "username", "corto", "confirmation", "corto")).bodyText()
			.contains("El usuario debe tener de 8 a 14 caracteres");
		assertThat(post("/registro/usuario", "username", person.cedula().value(), "confirmation",
				person.cedula().value()))
			.bodyText()
			.contains("no puede contener tu cédula");
		post("/registro/usuario", "username", "clienz" + String.format("%06d", person.customerId() % 1000000), "confirmation",
				"clienz" + String.format("%06d", person.customerId() % 1000000));
		assertThat(post("/registro/clave", "password", "Password1", "confirmation", "Password1")).bodyText()
			.contains("demasiado común");
		assertThat(post("/registro/clave", "password", "Quishpe2024x", "confirmation", "Quishpe2024x")).bodyText()
			.contains("no puede contener tu cédula, tus nombres");
		post("/registro/clave", "password", "Montana7Verde", "confirmation", "Montana7Verde");
		assertThat(post("/registro/imagen", "image", "../../etc/passwd", "phrase", "")).bodyText()
			.contains("Escoge una de las imágenes");
		post("/registro/imagen", "image", "01-faro", "phrase", "Mi faro");
		assertThat(post("/registro/datos", "homePhone", "12", "workPhone", "")).bodyText()
			.contains("Ingresa un teléfono ecuatoriano válido")
			.contains("Este campo es obligatorio");
		post("/registro/datos", "homePhone", "022345678", "workPhone", "042345678");
		assertThat(post("/registro/preguntas", "question1", "q01", "answer1", "Firulais", "question2", "q01",
				"answer2", "Quito", "question3", "q99", "answer3", "x"))
			.bodyText()
			.contains("Escoge tres preguntas distintas")
			.contains("Escoge una pregunta de la lista")
			.contains("Debes aceptar las condiciones de servicio");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "' OR '1'='1' --", "\u202Eevil\u202C", "a\u0000b",
			"１７１４３０７１０３", "😀😀😀😀😀😀😀😀😀😀", "%00%27", "${7*7}" })
	void neverFailsOnHostileCardInput(String hostile) {
		long before = this.jdbc.sql("SELECT count(*) FROM enrollments").query(Long.class).single();
		MvcTestResult result = postDebit(hostile, hostile, hostile, hostile, hostile);
		assertThat(result).hasStatusOk().bodyText().doesNotContain("Exception").doesNotContain("<script>alert");
		assertThat(postDebit("x".repeat(100_000), "1", "2", "3", "4")).hasStatusOk();
		assertThat(this.jdbc.sql("SELECT count(*) FROM enrollments").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void sendsAFormWithoutItsTokenBackToTheStartWithAMessage() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/registro/tarjeta-debito"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString("cedula=1714307103"))
				.build(), HttpResponse.BodyHandlers.ofString());
		// a form without its token is what a customer sends after the session ended: back to the start, with a message
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/registro?sesion=expirada"));
		assertThat(get("/registro?sesion=expirada")).bodyText().contains("Tu sesión terminó");
	}

	@Test
	void speaksEnglishWhenAsked() {
		assertThat(this.session.get("/registro?lang=en")).bodyText()
			.contains("Create User")
			.contains("With my Debit Card PIN");
	}

	// ---- the journey ------------------------------------------------------------------------------------------

	private void startWithDebitCard(Person person) {
		assertThat(postDebit(person.cedula().value(), person.cardNumber(), TestCustomers.PIN, "03/2024", "2030"))
			.hasRedirectedUrl("/registro/contacto");
	}

	private void toUsernameStep(Person person) {
		int before = SMS.receivedBy(person.mobile().e164()).size();
		assertThat(post("/registro/contacto", "action", "generate")).hasRedirectedUrl("/registro/clave-temporal");
		assertThat(get("/registro/clave-temporal")).bodyText().contains("Clave de Seguridad Temporal");
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy(person.mobile().e164()).size() > before);
		String key = SMS.lastCode(person.mobile().e164(), 6).orElseThrow();
		assertThat(post("/registro/clave-temporal", "key", "000000".equals(key) ? "111111" : "000000")).bodyText()
			.contains("La clave temporal no es correcta");
		assertThat(post("/registro/clave-temporal", "key", key)).hasRedirectedUrl("/registro/usuario");
	}

	private void completeWizard(String username, String secondFactor) {
		assertThat(get("/registro/usuario")).bodyText().contains("Paso 1").contains("Creación de usuario");
		assertThat(post("/registro/usuario", "username", username, "confirmation", username))
			.hasRedirectedUrl("/registro/clave");
		assertThat(post("/registro/clave", "password", "Montana7Verde", "confirmation", "Montana7Verde"))
			.hasRedirectedUrl("/registro/imagen");
		assertThat(post("/registro/imagen", "image", "03-volcan", "phrase", "Mi volcán favorito"))
			.hasRedirectedUrl("/registro/datos");
		assertThat(post("/registro/datos", "homePhone", "(02) 234-5678", "workPhone", "042345678"))
			.hasRedirectedUrl("/registro/preguntas");
		assertThat(post("/registro/preguntas", "question1", "q01", "answer1", "Firulais", "question2", "q02",
				"answer2", "Cuenca", "question3", "q03", "answer3", "Cajero", "acceptTerms", "true"))
			.hasRedirectedUrl("/registro/segundo-factor");
		assertThat(post("/registro/segundo-factor", "choice", secondFactor)).hasRedirectedUrl("/registro/exito");
	}

	private MvcTestResult postDebit(String cedula, String card, String pin, String issueDate, String expiryYear) {
		return this.session.post("/registro/tarjeta-debito", "cedula", cedula, "cardNumber", card, "pin", pin,
				"issueDate", issueDate, "expiryYear", expiryYear);
	}

	private MvcTestResult get(String uri) {
		return this.session.get(uri);
	}

	private MvcTestResult post(String uri, String... params) {
		return this.session.post(uri, params);
	}

	private String auditText(Person person) {
		List<String> rows = this.jdbc.sql("SELECT a::text FROM audit_events a WHERE subject = ?")
			.param(person.subject())
			.query(String.class)
			.list();
		return String.join("\n", rows);
	}

}
