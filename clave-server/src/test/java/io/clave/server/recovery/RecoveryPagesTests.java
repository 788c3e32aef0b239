package io.clave.server.recovery;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corebanking.CardState;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.Lockouts;
import io.clave.server.identity.Passwords;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCustomers;
import io.clave.server.support.TestCustomers.Person;
import io.clave.server.support.TestPeople;
import io.clave.server.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "Olvidé mi usuario o clave" as a browser without JavaScript walks it. */
class RecoveryPagesTests extends IntegrationTest {

	private static final String GENERIC = "Los datos ingresados no son correctos";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestCustomers customers;

	@Autowired
	Users users;

	@Autowired
	Passwords passwords;

	@Autowired
	Lockouts lockouts;

	@Autowired
	ChallengeQuestions questions;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	PlatformTransactionManager transactions;

	private EnrolledUsers enrolled;

	private WebSession session;

	@BeforeEach
	void newVisitor() {
		this.session = new WebSession(this.mvc);
		this.enrolled = new EnrolledUsers(this.users, this.encoder, this.transactions);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	// ---- the whole recovery -----------------------------------------------------------------------------------

	@Test
	void recoversWithADebitCardShowsTheUsernameAndSetsANewPassword() throws Exception {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		User user = this.enrolled.enrol(person);
		String otherSession = signedInSessionOf(user);

		assertThat(get("/recuperar")).hasStatusOk()
			.bodyText()
			.contains("Olvidé mi usuario o clave")
			.contains("nombre de usuario")
			.contains("contraseña")
			.contains("bloqueado");
		assertThat(get("/recuperar/tarjeta-debito")).bodyText().contains("Teclado virtual");
		String before = this.session.sessionId();
		assertThat(postDebit(person, TestCustomers.PIN, "03/2024", "2030")).hasRedirectedUrl("/recuperar/contacto");
		assertThat(this.session.sessionId()).as("a new session id at the start").isNotEqualTo(before);
		walkToNewPassword(person, user);

		assertThat(post("/recuperar/nueva-clave", "password", EnrolledUsers.NEW_PASSWORD, "confirmation",
				EnrolledUsers.NEW_PASSWORD))
			.hasRedirectedUrl("/recuperar/exito");
		assertThat(get("/recuperar/exito")).hasStatusOk()
			.bodyText()
			.contains("Operación Terminada Exitosamente")
			.contains(user.username())
			.contains("href=\"/ingreso\"");
		assertThat(get("/recuperar/exito")).bodyText().contains("Empezar de nuevo").doesNotContain(user.username());

		assertThat(this.passwords.matches(user.id(), EnrolledUsers.NEW_PASSWORD)).isTrue();
		assertThat(this.passwords.matches(user.id(), EnrolledUsers.OLD_PASSWORD)).isFalse();
		assertThat(this.sessions.findById(otherSession)).as("the user's other sessions end").isNull();
		assertThat(this.sessions.findByPrincipalName(user.id().toString())).isEmpty();

		assertThat(this.audit.forSubject(person.subject(), 20)).extracting(RecordedAuditEvent::type)
			.contains("RECOVERY_CARD_CHECK");
		List<RecordedAuditEvent> steps = this.audit.forSubject("user:" + user.id(), 50);
		assertThat(steps).extracting(RecordedAuditEvent::type)
			.contains("RECOVERY_KEY_SENT", "RECOVERY_KEY_ERROR", "RECOVERY_KEY", "RECOVERY_QUESTION_ERROR",
					"RECOVERY_QUESTION", "RECOVERY_COMPLETED");
		assertThat(steps).filteredOn(event -> event.type().endsWith("_ERROR"))
			.extracting(RecordedAuditEvent::outcome)
			.containsOnly(Outcome.FAILURE);
		assertThat(steps).filteredOn(event -> event.type().equals("RECOVERY_COMPLETED"))
			.singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("sessionsEnded", "1"));
		String trail = auditText(person, user);
		assertThat(trail).doesNotContain(EnrolledUsers.NEW_PASSWORD)
			.doesNotContain(EnrolledUsers.OLD_PASSWORD)
			.doesNotContain("Firulais")
			.doesNotContain("Cuenca")
			.doesNotContain("Cajero")
			.doesNotContain(person.cardNumber());

		// the notice by SMS and e-mail: never the password, the username only said to have been shown
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(person.mobile().e164())
				.stream()
				.anyMatch(sms -> sms.text().contains("recuperaste el acceso")));
		assertThat(SMS.receivedBy(person.mobile().e164())).last().satisfies(sms -> assertThat(sms.text())
			.doesNotContain(user.username())
			.doesNotContain(EnrolledUsers.NEW_PASSWORD)
			.contains("(02) 400 9000"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !EnrolledUsers.mailsTo(MAIL, person.email().value()).isEmpty());
		MimeMessage mail = EnrolledUsers.mailsTo(MAIL, person.email().value()).get(0);
		assertThat(mail.getSubject()).isEqualTo("Recuperaste el acceso a tu banca en línea de Banco Clave");
		String text = EnrolledUsers.part(mail, "text/plain");
		assertThat(text).contains("Te mostramos tu nombre de usuario")
			.contains("Cerramos todas las sesiones")
			.doesNotContain(EnrolledUsers.NEW_PASSWORD)
			.doesNotContain(user.username());
		assertThat(EnrolledUsers.part(mail, "text/html")).contains("lang=\"es\"").doesNotContain("??");
	}

	@Test
	void recoversWithACreditCard() {
		Person person = this.customers.withCreditCard(CardState.ACTIVE);
		User user = this.enrolled.enrol(person);
		assertThat(postCredit(person, TestCustomers.PIN, "08", "2029", person.accountNumber()))
			.hasRedirectedUrl("/recuperar/contacto");
		walkToNewPassword(person, user);
		assertThat(post("/recuperar/nueva-clave", "password", EnrolledUsers.NEW_PASSWORD, "confirmation",
				EnrolledUsers.NEW_PASSWORD))
			.hasRedirectedUrl("/recuperar/exito");
		assertThat(this.passwords.matches(user.id(), EnrolledUsers.NEW_PASSWORD)).isTrue();
		assertThat(this.passwords.matches(user.id(), EnrolledUsers.OLD_PASSWORD)).isFalse();
	}

	@Test
	void unlocksALockedAccount() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		User user = this.enrolled.enrol(person);
		this.lockouts.lock(user.id(), "FAILED_ATTEMPTS");
		assertThat(this.users.findById(user.id()).orElseThrow().lockedPermanently()).isTrue();

		postDebit(person, TestCustomers.PIN, "03/2024", "2030");
		walkToNewPassword(person, user);
		post("/recuperar/nueva-clave", "password", EnrolledUsers.NEW_PASSWORD, "confirmation",
				EnrolledUsers.NEW_PASSWORD);

		User unlocked = this.users.findById(user.id()).orElseThrow();
		assertThat(unlocked.lockedAt(this.clock.instant())).isFalse();
		assertThat(unlocked.state()).isEqualTo("ACTIVE");
		assertThat(unlocked.failedAttempts()).isZero();
		assertThat(this.audit.forSubject("user:" + user.id(), 10)).filteredOn(e -> e.type().equals("RECOVERY_COMPLETED"))
			.singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("unlocked", "true"));
	}

	// ---- the card: one answer for everyone who cannot recover ------------------------------------------------

	@Test
	void answersTheSameWhateverWasWrongWithTheCard() {
		Person enrolledPerson = this.customers.withDebitCard(CardState.ACTIVE);
		this.enrolled.enrol(enrolledPerson);
		Person withoutUser = this.customers.withDebitCard(CardState.ACTIVE);
		Person blockedCard = this.customers.withDebitCard(CardState.BLOCKED);
		this.enrolled.enrol(blockedCard);
		Person expiredCard = this.customers.withExpiredDebitCard();
		this.enrolled.enrol(expiredCard);

		List<MvcTestResult> answers = List.of(
				// an unknown cédula with a real card
				postDebit(TestPeople.newCedula().value(), enrolledPerson.cardNumber(), TestCustomers.PIN, "03/2024",
						"2030"),
				// an unknown card
				postDebit(enrolledPerson.cedula().value(), TestPeople.newCardNumber("421356"), TestCustomers.PIN,
						"03/2024", "2030"),
				// a customer without an online-banking user, with all data right
				postDebit(withoutUser, TestCustomers.PIN, "03/2024", "2030"),
				// a wrong PIN, a wrong issue date
				postDebit(enrolledPerson, "9999", "03/2024", "2030"),
				postDebit(enrolledPerson, TestCustomers.PIN, "04/2024", "2030"),
				// cards blocked by the bank or expired, with all data right
				postDebit(blockedCard, TestCustomers.PIN, "03/2024", "2030"),
				postDebit(expiredCard, TestCustomers.PIN, "01/2020", "2025"));
		for (MvcTestResult answer : answers) {
			assertThat(answer).hasStatusOk().bodyText().contains(GENERIC);
		}
		assertThat(answers.stream().map(answer -> alertOf(answer)).distinct()).hasSize(1);
		assertThat(this.audit.forSubject(withoutUser.subject(), 5)).first()
			.satisfies(event -> assertThat(event.details()).containsEntry("reason", "no-user"));
		assertThat(this.audit.forSubject(blockedCard.subject(), 5)).first()
			.satisfies(event -> assertThat(event.type()).isEqualTo("RECOVERY_CARD_CHECK_ERROR"));
	}

	@Test
	void answersBadlyFormedFieldsOneByOne() {
		assertThat(postDebit("123", "4111", "12", "13/2024", "30")).bodyText()
			.contains("Ingresa una cédula ecuatoriana válida")
			.contains("Ingresa el número completo de tu tarjeta")
			.contains("Ingresa el mes y el año como MM/AAAA");
	}

	@Test
	void blocksTheCardForRecoveryAfterThreeWrongAttempts() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		User user = this.enrolled.enrol(person);
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(postDebit(person, "0000", "03/2024", "2030")).bodyText().contains(GENERIC);
		}
		assertThat(postDebit(person, TestCustomers.PIN, "03/2024", "2030")).hasStatusOk().bodyText().contains(GENERIC);
		assertThat(this.audit.forSubject(person.subject(), 1)).first()
			.satisfies(event -> assertThat(event.details()).containsEntry("reason", "card-blocked-for-recovery"));
		this.clock.advance(Duration.ofHours(24));
		assertThat(postDebit(person, TestCustomers.PIN, "03/2024", "2030")).hasRedirectedUrl("/recuperar/contacto");
		assertThat(user).isNotNull();
	}

	@Test
	void slowsDownManyRecoveriesForOneCedula() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		this.enrolled.enrol(person);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(postDebit(person, "0000", "03/2024", "2030")).hasStatusOk();
		}
		MvcTestResult sixth = postDebit(person, TestCustomers.PIN, "03/2024", "2030");
		assertThat(sixth).hasStatus(429).bodyText().contains("Hubo demasiados intentos de recuperación");
		assertThat(sixth.getResponse().getHeader("Retry-After")).matches("\\d+");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "' OR '1'='1' --", "\u202Eevil\u202C", "a\u0000b",
			"１７１４３０７１０３", "😀😀😀😀😀😀😀😀😀😀", "%00%27", "${7*7}" })
	void neverFailsOnHostileCardInput(String hostile) {
		long before = this.jdbc.sql("SELECT count(*) FROM recoveries").query(Long.class).single();
		assertThat(postDebit(hostile, hostile, hostile, hostile, hostile)).hasStatusOk()
			.bodyText()
			.doesNotContain("Exception")
			.doesNotContain("<script>alert");
		assertThat(this.session.post("/recuperar/tarjeta-credito", "cardNumber", hostile, "expiryMonth", hostile,
				"expiryYear", hostile, "pin", hostile, "savingsAccount", "x".repeat(100_000)))
			.hasStatusOk();
		assertThat(this.jdbc.sql("SELECT count(*) FROM recoveries").query(Long.class).single()).isEqualTo(before);
	}

	// ---- the key and the question -----------------------------------------------------------------------------

	@Test
	void endsTheRecoveryAfterTooManyWrongKeys() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		this.enrolled.enrol(person);
		postDebit(person, TestCustomers.PIN, "03/2024", "2030");
		assertThat(post("/recuperar/contacto", "action", "send")).hasRedirectedUrl("/recuperar/clave-temporal");
		String wrong = wrongKey(person);
		for (int i = 0; i < 2; i++) {
			assertThat(post("/recuperar/clave-temporal", "key", wrong)).bodyText()
				.contains("La clave temporal no es correcta");
		}
		assertThat(post("/recuperar/clave-temporal", "key", wrong)).bodyText().contains("Genera una nueva clave");
		assertThat(post("/recuperar/clave-temporal/nueva")).bodyText().contains("Espera un momento");
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(post("/recuperar/clave-temporal/nueva")).hasRedirectedUrl("/recuperar/clave-temporal");
		assertThat(post("/recuperar/clave-temporal", "key", wrong)).bodyText()
			.contains("La clave temporal no es correcta");
		assertThat(post("/recuperar/clave-temporal", "key", wrong)).bodyText()
			.contains("Ingresaste claves incorrectas demasiadas veces");
		assertThat(get("/recuperar/clave-temporal")).bodyText().contains("Empieza de nuevo");
	}

	@Test
	void endsTheRecoveryAfterThreeWrongAnswers() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		User user = this.enrolled.enrol(person);
		postDebit(person, TestCustomers.PIN, "03/2024", "2030");
		toQuestion(person);
		assertThat(get("/recuperar/pregunta")).bodyText().contains("Intentos que te quedan: 3");
		assertThat(post("/recuperar/pregunta", "answer", "Nada")).bodyText()
			.contains("La respuesta no es correcta")
			.contains("Intentos que te quedan: 2")
			.doesNotContain(user.username());
		post("/recuperar/pregunta", "answer", "Nada");
		assertThat(post("/recuperar/pregunta", "answer", "Nada")).bodyText()
			.contains("Respondiste mal la pregunta de seguridad demasiadas veces");
		assertThat(get("/recuperar/nueva-clave")).bodyText()
			.contains("Empieza de nuevo")
			.doesNotContain(user.username());
		assertThat(this.audit.forSubject("user:" + user.id(), 1)).first()
			.satisfies(event -> assertThat(event.details()).containsEntry("reason", "wrong-answer-flow-ended"));
	}

	@Test
	void refusesANewPasswordAgainstThePolicyOrTheHistory() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		User user = this.enrolled.enrol(person);
		postDebit(person, TestCustomers.PIN, "03/2024", "2030");
		walkToNewPassword(person, user);
		assertThat(post("/recuperar/nueva-clave", "password", EnrolledUsers.OLD_PASSWORD, "confirmation",
				EnrolledUsers.OLD_PASSWORD))
			.bodyText()
			.contains("no puede ser igual a tu clave actual");
		assertThat(post("/recuperar/nueva-clave", "password", "Password1", "confirmation", "Password1")).bodyText()
			.contains("demasiado común");
		assertThat(post("/recuperar/nueva-clave", "password", EnrolledUsers.NEW_PASSWORD, "confirmation", "Otra1234"))
			.bodyText()
			.contains("La confirmación no coincide");
		assertThat(this.passwords.matches(user.id(), EnrolledUsers.OLD_PASSWORD)).isTrue();
	}

	// ---- the flow ---------------------------------------------------------------------------------------------

	@Test
	void showsTheCurrentStepWhateverAddressIsTypedAndNeverTheUsernameTooEarly() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		User user = this.enrolled.enrol(person);
		postDebit(person, TestCustomers.PIN, "03/2024", "2030");
		assertThat(get("/recuperar/nueva-clave")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/recuperar/contacto");
		assertThat(get("/recuperar/contacto")).bodyText()
			.contains("******" + person.mobile().value().substring(6))
			.doesNotContain(user.username());
		assertThat(post("/recuperar/nueva-clave", "password", "x", "confirmation", "x"))
			.hasRedirectedUrl("/recuperar/contacto");
		assertThat(post("/recuperar/pregunta", "answer", "Firulais")).hasRedirectedUrl("/recuperar/contacto");
	}

	@Test
	void expiresAnAbandonedRecovery() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		this.enrolled.enrol(person);
		postDebit(person, TestCustomers.PIN, "03/2024", "2030");
		toQuestion(person);
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(get("/recuperar/pregunta")).hasStatusOk().bodyText().contains("expiró").contains("Empezar de nuevo");
		assertThat(post("/recuperar/pregunta", "answer", "Firulais")).bodyText().contains("Empieza de nuevo");
	}

	@Test
	void cancelsFromTheContactPage() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		this.enrolled.enrol(person);
		postDebit(person, TestCustomers.PIN, "03/2024", "2030");
		assertThat(post("/recuperar/contacto", "action", "back")).hasRedirectedUrl("/recuperar");
		assertThat(get("/recuperar/contacto")).bodyText().contains("No encontramos una recuperación en curso");
	}

	@Test
	void speaksEnglishWhenAsked() {
		Person person = this.customers.withCreditCard(CardState.ACTIVE);
		User user = this.enrolled.enrol(person);
		this.session.inEnglish();
		assertThat(get("/recuperar?lang=en")).bodyText()
			.contains("I forgot my username or password")
			.contains("With my Credit Card PIN");
		assertThat(postCredit(person, "0000", "08", "2029", person.accountNumber())).bodyText()
			.contains("The details you entered are not correct");
		postCredit(person, TestCustomers.PIN, "08", "2029", person.accountNumber());
		assertThat(post("/recuperar/contacto", "action", "send")).hasRedirectedUrl("/recuperar/clave-temporal");
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.lastCode(person.mobile().e164(), 6).isPresent());
		assertThat(SMS.receivedBy(person.mobile().e164())).last()
			.satisfies(sms -> assertThat(sms.text()).contains("your temporary key to recover your access"));
		post("/recuperar/clave-temporal", "key", SMS.lastCode(person.mobile().e164(), 6).orElseThrow());
		MvcTestResult question = get("/recuperar/pregunta");
		assertThat(question).bodyText().contains("Security question");
		String answer = EnrolledUsers.answerFor(contentOf(question), this.questions)
			.orElseThrow();
		post("/recuperar/pregunta", "answer", answer);
		assertThat(get("/recuperar/nueva-clave")).bodyText().contains("Your username").contains(user.username());
		post("/recuperar/nueva-clave", "password", EnrolledUsers.NEW_PASSWORD, "confirmation",
				EnrolledUsers.NEW_PASSWORD);
		assertThat(get("/recuperar/exito")).bodyText().contains("Access recovered");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(person.mobile().e164())
				.stream()
				.anyMatch(sms -> sms.text().contains("you recovered access")));
	}

	// ---- the journey ------------------------------------------------------------------------------------------

	private void toQuestion(Person person) {
		int before = SMS.receivedBy(person.mobile().e164()).size();
		assertThat(post("/recuperar/contacto", "action", "send")).hasRedirectedUrl("/recuperar/clave-temporal");
		assertThat(get("/recuperar/clave-temporal")).bodyText()
			.contains("Clave de Seguridad Temporal")
			.contains("data-seconds-left");
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy(person.mobile().e164()).size() > before);
		String key = SMS.lastCode(person.mobile().e164(), 6).orElseThrow();
		assertThat(post("/recuperar/clave-temporal", "key", wrongKey(person))).bodyText()
			.contains("La clave temporal no es correcta");
		assertThat(post("/recuperar/clave-temporal", "key", key)).hasRedirectedUrl("/recuperar/pregunta");
	}

	private void walkToNewPassword(Person person, User user) {
		toQuestion(person);
		MvcTestResult question = get("/recuperar/pregunta");
		assertThat(question).bodyText().contains("Pregunta de seguridad").doesNotContain(user.username());
		String answer = EnrolledUsers.answerFor(contentOf(question), this.questions).orElseThrow();
		assertThat(post("/recuperar/pregunta", "answer", "No es esta")).bodyText()
			.contains("La respuesta no es correcta");
		assertThat(post("/recuperar/pregunta", "answer", "  " + answer.toUpperCase() + " "))
			.hasRedirectedUrl("/recuperar/nueva-clave");
		assertThat(get("/recuperar/nueva-clave")).bodyText().contains("Tu nombre de usuario").contains(user.username());
	}

	private String wrongKey(Person person) {
		return "000000".equals(SMS.lastCode(person.mobile().e164(), 6).orElse("")) ? "111111" : "000000";
	}

	/** A signed-in web session of this user, as the login would have stored it. */
	private String signedInSessionOf(User user) {
		return saveSession(this.sessions, user.id());
	}

	@SuppressWarnings("unchecked")
	private static <S extends Session> String saveSession(FindByIndexNameSessionRepository<S> repository, UUID userId) {
		S created = repository.createSession();
		created.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, userId.toString());
		repository.save(created);
		return created.getId();
	}

	private MvcTestResult postDebit(Person person, String pin, String issueDate, String expiryYear) {
		return postDebit(person.cedula().value(), person.cardNumber(), pin, issueDate, expiryYear);
	}

	private MvcTestResult postDebit(String cedula, String card, String pin, String issueDate, String expiryYear) {
		return this.session.post("/recuperar/tarjeta-debito", "cedula", cedula, "cardNumber", card, "pin", pin,
				"issueDate", issueDate, "expiryYear", expiryYear);
	}

	private MvcTestResult postCredit(Person person, String pin, String month, String year, String account) {
		return this.session.post("/recuperar/tarjeta-credito", "cardNumber", person.cardNumber(), "expiryMonth", month,
				"expiryYear", year, "pin", pin, "savingsAccount", account);
	}

	private MvcTestResult get(String uri) {
		return this.session.get(uri);
	}

	private MvcTestResult post(String uri, String... params) {
		return this.session.post(uri, params);
	}

	private static String contentOf(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String alertOf(MvcTestResult result) {
		String body = contentOf(result);
		int start = body.indexOf("alert-error");
		return start < 0 ? "" : body.substring(start, body.indexOf("</div>", start));
	}

	private String auditText(Person person, User user) {
		List<String> rows = this.jdbc.sql("SELECT a::text FROM audit_events a WHERE subject IN (?, ?)")
			.params(person.subject(), "user:" + user.id())
			.query(String.class)
			.list();
		return String.join("\n", rows);
	}

}
