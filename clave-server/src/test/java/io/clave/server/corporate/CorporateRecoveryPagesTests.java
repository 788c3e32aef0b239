package io.clave.server.corporate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corporate.CompanyUsers.NewCompanyUser;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.Mailbox;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCompanies;
import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.TestPeople;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "¿Olvidó su usuario y/o clave?" of the corporate portal, as a browser without JavaScript walks it. */
class CorporateRecoveryPagesTests extends IntegrationTest {

	static final String NEW_PASSWORD = "Brujula9Norte";

	private static final String SENT = "Si los datos corresponden a un usuario registrado, le enviamos una clave temporal";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestCompanies companies;

	@Autowired
	CompanyUsers users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	private WebSession browser;

	@BeforeEach
	void newVisitor() {
		this.browser = new WebSession(this.mvc);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	// ---- the whole recovery -----------------------------------------------------------------------------------

	@Test
	void anAdministratorRecoversTheUsernameAndSetsANewPassword() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		UUID admin = company.administratorId();
		String username = this.companies.withDefinitiveCredentials(admin);
		CompanyUser user = this.users.findById(admin).orElseThrow();
		this.users.recordFailure(admin, 5, null, 3, "FAILED_ATTEMPTS");
		assertThat(this.users.findById(admin).orElseThrow().lockedAt(Instant.now())).isTrue();
		String portalSession = signedInSessionOf(admin);

		assertThat(this.browser.get("/empresas/recuperar")).hasStatusOk()
			.bodyText()
			.contains("¿Olvidó su usuario y/o clave?")
			.contains("Ingrese el RUC de la empresa y el número de identificación (cédula o pasaporte del "
					+ "administrador o usuario adicional).")
			.contains("clave temporal que durará 5 minutos")
			.contains("El sistema recuperará el nombre de usuario. Deberá definir una nueva clave y seleccionar "
					+ "ACEPTAR.")
			.contains("su clave se cambió exitosamente");
		String before = this.browser.sessionId();
		String key = start(company.ruc(), company.cedula(), user.mobile(), user.email());
		assertThat(this.browser.sessionId()).as("a new session id at the start").isNotEqualTo(before);

		assertThat(this.browser.post("/empresas/recuperar/clave-temporal", "key", wrong(key)))
			.bodyText()
			.contains("La clave temporal no es correcta");
		assertThat(this.browser.post("/empresas/recuperar/clave-temporal", "key", key))
			.hasRedirectedUrl("/empresas/recuperar/nueva-clave");
		assertThat(this.browser.get("/empresas/recuperar/nueva-clave")).hasStatusOk()
			.bodyText()
			.contains(username)
			.contains("ACEPTAR");

		assertThat(setPassword(NEW_PASSWORD, NEW_PASSWORD)).hasRedirectedUrl("/empresas/recuperar/exito");
		assertThat(this.browser.get("/empresas/recuperar/exito")).hasStatusOk()
			.bodyText()
			.contains("Su clave se cambió exitosamente")
			.contains("¡Ya puede ingresar al portal!")
			.contains(username)
			.contains("href=\"/empresas/ingreso\"");
		assertThat(this.browser.get("/empresas/recuperar/exito")).bodyText()
			.contains("Empezar de nuevo")
			.doesNotContain(username);

		assertThat(this.encoder.matches(NEW_PASSWORD, this.users.passwordHash(admin))).isTrue();
		assertThat(this.encoder.matches(TestCompanies.PASSWORD, this.users.passwordHash(admin))).isFalse();
		CompanyUser after = this.users.findById(admin).orElseThrow();
		assertThat(after.lockedAt(Instant.now())).as("the lock is lifted").isFalse();
		assertThat(after.failedAttempts()).isZero();
		assertThat(after.username()).isEqualTo(username);
		assertThat(this.sessions.findById(portalSession)).as("the user's sessions end").isNull();
		assertThat(this.sessions.findByPrincipalName("company-user:" + admin)).isEmpty();

		List<RecordedAuditEvent> trail = this.audit.forSubject("company-user:" + admin, 50);
		assertThat(trail).extracting(RecordedAuditEvent::type)
			.contains("CORPORATE_RECOVERY_START", "CORPORATE_RECOVERY_KEY", "CORPORATE_RECOVERY_DONE");
		assertThat(trail).filteredOn(event -> event.type().equals("CORPORATE_RECOVERY_KEY"))
			.extracting(RecordedAuditEvent::outcome)
			.contains(Outcome.SUCCESS, Outcome.FAILURE);
		assertThat(trail).filteredOn(event -> event.type().equals("CORPORATE_RECOVERY_DONE"))
			.singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("sessionsEnded", "1")
				.containsEntry("unlocked", "true")
				.containsEntry("result", "password-changed"));
		assertThat(trail.toString()).doesNotContain(NEW_PASSWORD)
			.doesNotContain(TestCompanies.PASSWORD)
			.doesNotContain(key);

		// the notice by SMS and e-mail: never the password nor the username
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(user.mobile().e164())
				.stream()
				.anyMatch(sms -> sms.text().contains("se cambió su clave del portal de empresas")));
		assertThat(SMS.receivedBy(user.mobile().e164())).last()
			.satisfies(sms -> assertThat(sms.text()).doesNotContain(username).doesNotContain(NEW_PASSWORD));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Mailbox.textsTo(user.email().value())
				.stream()
				.anyMatch(text -> text.contains("Cerramos todas las sesiones")));
		assertThat(Mailbox.textsTo(user.email().value())).last()
			.satisfies(text -> assertThat(text).doesNotContain(NEW_PASSWORD).doesNotContain(username));
	}

	@Test
	void anAdditionalUserWithAPassportRecoversToo() {
		Affiliated company = this.companies.affiliate(ProfileSet.BOTH);
		PhoneNumber mobile = TestPeople.newMobile();
		EmailAddress email = TestPeople.newEmail();
		UUID additional = this.users.create(new NewCompanyUser(company.companyId(), CompanyRole.USER,
				new IdentityDocument(IdentityDocument.Type.PASSPORT, "AB" + (100000 + (int) (Math.random() * 800000))),
				"Julio César", "Andrade Pazmiño", email, mobile, ProfileSet.MERCHANT), "E" + shortId(), "x",
				Instant.now().plus(Duration.ofDays(1)), "test", Instant.now());
		String username = this.companies.withDefinitiveCredentials(additional);
		CompanyUser user = this.users.findById(additional).orElseThrow();

		String key = start(company.ruc(), user.document().number().toLowerCase(), mobile, email);
		assertThat(this.browser.post("/empresas/recuperar/clave-temporal", "key", key))
			.hasRedirectedUrl("/empresas/recuperar/nueva-clave");
		assertThat(this.browser.get("/empresas/recuperar/nueva-clave")).bodyText().contains(username);
		assertThat(setPassword(NEW_PASSWORD, NEW_PASSWORD)).hasRedirectedUrl("/empresas/recuperar/exito");
		assertThat(this.encoder.matches(NEW_PASSWORD, this.users.passwordHash(additional))).isTrue();
		assertThat(this.users.passwordHash(company.administratorId()))
			.as("the administrator with the same RUC is untouched")
			.satisfies(hash -> assertThat(this.encoder.matches(NEW_PASSWORD, hash)).isFalse());
	}

	// ---- the same answer for everyone -------------------------------------------------------------------------

	@Test
	void aRucAndNumberThatNameNobodyGetTheSameAnswerAndEveryKeyIsWrong() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		this.companies.withDefinitiveCredentials(company.administratorId());
		CompanyUser admin = this.users.findById(company.administratorId()).orElseThrow();
		long rowsBefore = recoveries();

		String key = start(company.ruc(), company.cedula(), admin.mobile(), admin.email());
		String matched = comparable(this.browser.get("/empresas/recuperar/clave-temporal"));
		assertThat(recoveries()).isEqualTo(rowsBefore + 1);

		WebSession stranger = new WebSession(this.mvc);
		MvcTestResult started = stranger.post("/empresas/recuperar", "ruc", TestCompanies.newRuc(), "documentNumber",
				TestPeople.newCedula().value());
		assertThat(started).hasRedirectedUrl("/empresas/recuperar/clave-temporal");
		assertThat(recoveries()).as("the same work: a recovery row").isEqualTo(rowsBefore + 2);
		MvcTestResult page = stranger.get("/empresas/recuperar/clave-temporal");
		assertThat(page).hasStatusOk().bodyText().contains(SENT);
		assertThat(comparable(page)).as("the same page").isEqualTo(matched);

		// a known RUC with an unknown number, too
		WebSession other = new WebSession(this.mvc);
		assertThat(other.post("/empresas/recuperar", "ruc", company.ruc(), "documentNumber",
				TestPeople.newCedula().value()))
			.hasRedirectedUrl("/empresas/recuperar/clave-temporal");
		assertThat(comparable(other.get("/empresas/recuperar/clave-temporal"))).isEqualTo(matched);

		// wrong keys answer alike, down to the end of the flow
		for (int i = 0; i < 2; i++) {
			assertThat(errorOf(this.browser.post("/empresas/recuperar/clave-temporal", "key", wrong(key))))
				.isEqualTo(errorOf(stranger.post("/empresas/recuperar/clave-temporal", "key", key)))
				.contains("La clave temporal no es correcta");
		}
		assertThat(errorOf(this.browser.post("/empresas/recuperar/clave-temporal", "key", wrong(key))))
			.isEqualTo(errorOf(stranger.post("/empresas/recuperar/clave-temporal", "key", key)))
			.contains("Genere una nueva clave");
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(this.browser.post("/empresas/recuperar/clave-temporal/nueva"))
			.hasRedirectedUrl("/empresas/recuperar/clave-temporal");
		assertThat(stranger.post("/empresas/recuperar/clave-temporal/nueva"))
			.hasRedirectedUrl("/empresas/recuperar/clave-temporal");
		this.browser.post("/empresas/recuperar/clave-temporal", "key", "000000");
		stranger.post("/empresas/recuperar/clave-temporal", "key", "000000");
		MvcTestResult ended = this.browser.post("/empresas/recuperar/clave-temporal", "key", "000001");
		MvcTestResult strangerEnded = stranger.post("/empresas/recuperar/clave-temporal", "key", "000001");
		assertThat(ended).bodyText().contains("Ingresó claves incorrectas demasiadas veces");
		assertThat(strangerEnded).bodyText().contains("Ingresó claves incorrectas demasiadas veces");

		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM one_time_key_flows WHERE flow_id IN
				(SELECT id FROM corporate_recoveries WHERE user_id IS NULL)""").query(Long.class).single())
			.as("no key for nobody")
			.isZero();
		assertThat(this.audit.latest(200)).filteredOn(event -> event.type().equals("CORPORATE_RECOVERY_START")
				&& event.subject().equals("anonymous"))
			.isNotEmpty()
			.allSatisfy(event -> assertThat(event.outcome()).isEqualTo(Outcome.FAILURE));
	}

	@Test
	void aDeletedUserCannotRecover() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		this.companies.withDefinitiveCredentials(company.administratorId());
		CompanyUser admin = this.users.findById(company.administratorId()).orElseThrow();
		this.users.markDeleted(admin.id(), Instant.now());
		int before = SMS.receivedBy(admin.mobile().e164()).size();

		assertThat(this.browser.post("/empresas/recuperar", "ruc", company.ruc(), "documentNumber",
				company.cedula()))
			.hasRedirectedUrl("/empresas/recuperar/clave-temporal");
		assertThat(this.browser.get("/empresas/recuperar/clave-temporal")).bodyText().contains(SENT);
		assertThat(this.browser.post("/empresas/recuperar/clave-temporal", "key", "123456")).bodyText()
			.contains("La clave temporal no es correcta");
		assertThat(SMS.receivedBy(admin.mobile().e164())).hasSize(before);
	}

	@Test
	void badlyFormedFieldsAreToldFieldByField() {
		assertThat(this.browser.post("/empresas/recuperar", "ruc", "1790012345", "documentNumber", "1234567890"))
			.hasStatusOk()
			.bodyText()
			.contains("Escriba un RUC válido: 13 dígitos.")
			.contains("Escriba una cédula válida: 10 dígitos.")
			.contains("value=\"1790012345\"");
		assertThat(this.browser.post("/empresas/recuperar", "ruc", "1790012345002", "documentNumber", "a#b"))
			.bodyText()
			.contains("Escriba un RUC válido: 13 dígitos.")
			.contains("Escriba su cédula (10 dígitos) o su número de pasaporte");
		assertThat(this.browser.post("/empresas/recuperar", "ruc", "", "documentNumber", "")).bodyText()
			.contains("Revisa los campos marcados");
		assertThat(this.browser.get("/empresas/recuperar/clave-temporal")).bodyText()
			.contains("No hay una recuperación en curso");
	}

	@Test
	void tooManyRecoveriesForOneRucWait() {
		String ruc = TestCompanies.newRuc();
		for (int i = 0; i < 5; i++) {
			assertThat(new WebSession(this.mvc).post("/empresas/recuperar", "ruc", ruc, "documentNumber",
					TestPeople.newCedula().value()))
				.hasRedirectedUrl("/empresas/recuperar/clave-temporal");
		}
		MvcTestResult limited = this.browser.post("/empresas/recuperar", "ruc", ruc, "documentNumber",
				TestPeople.newCedula().value());
		assertThat(limited).hasStatus(429).bodyText().contains("Demasiados intentos");
		assertThat(limited.getResponse().getHeader("Retry-After")).isNotBlank();
	}

	// ---- the new password -------------------------------------------------------------------------------------

	@Test
	void theNewPasswordFollowsTheRulesAndIsNoneOfTheLastFive() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		UUID admin = company.administratorId();
		String username = this.companies.withDefinitiveCredentials(admin);
		List<String> earlier = List.of("Antigua1Ruta", "Antigua2Ruta", "Antigua3Ruta", "Antigua4Ruta",
				"Antigua5Ruta");
		for (String password : earlier) {
			this.users.changePassword(admin, this.encoder.encode(password), Instant.now());
		}
		CompanyUser user = this.users.findById(admin).orElseThrow();
		String key = start(company.ruc(), company.cedula(), user.mobile(), user.email());
		this.browser.post("/empresas/recuperar/clave-temporal", "key", key);

		assertThat(setPassword("corta1A", "corta1A")).bodyText().contains("entre 8 y 20 caracteres");
		assertThat(setPassword("sinmayusculas9", "sinmayusculas9")).bodyText()
			.contains("combinar mayúsculas, minúsculas y números");
		assertThat(setPassword(NEW_PASSWORD, "Brujula9Sur")).bodyText().contains("Las claves no coinciden");
		assertThat(setPassword("Rosa2Montaña", "Rosa2Montaña")).bodyText()
			.contains("no puede contener sus nombres ni apellidos");
		assertThat(setPassword(username + "A1", username + "A1")).bodyText()
			.contains("diferente al nombre de usuario");
		for (String password : List.of("Antigua5Ruta", "Antigua2Ruta", "Antigua1Ruta")) {
			assertThat(setPassword(password, password)).as(password)
				.bodyText()
				.contains("La clave no puede ser una de sus últimas claves.");
		}
		assertThat(this.encoder.matches("Antigua5Ruta", this.users.passwordHash(admin))).isTrue();
		assertThat(setPassword(TestCompanies.PASSWORD, TestCompanies.PASSWORD))
			.as("six passwords ago: allowed again")
			.hasRedirectedUrl("/empresas/recuperar/exito");
		assertThat(this.encoder.matches(TestCompanies.PASSWORD, this.users.passwordHash(admin))).isTrue();
		assertThat(this.audit.forSubject("company-user:" + admin, 50))
			.filteredOn(event -> event.type().equals("CORPORATE_RECOVERY_DONE")
					&& event.outcome() == Outcome.FAILURE)
			.extracting(event -> event.details().get("reason"))
			.contains("corporate.credentials.rule.password-recently-used");
	}

	@Test
	void aUserWithTemporaryCredentialsGetsNewOnesInsteadOfSkippingTheFirstLogin() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		CompanyUser admin = this.users.findById(company.administratorId()).orElseThrow();
		assertThat(admin.temporary()).isTrue();
		String key = start(company.ruc(), company.cedula(), admin.mobile(), admin.email());
		int smsBefore = SMS.receivedBy(admin.mobile().e164()).size();

		assertThat(this.browser.post("/empresas/recuperar/clave-temporal", "key", key))
			.hasRedirectedUrl("/empresas/recuperar/credenciales-temporales");
		assertThat(this.browser.get("/empresas/recuperar/credenciales-temporales")).bodyText()
			.contains("Le enviamos nuevas credenciales temporales")
			.contains("href=\"/empresas/ingreso\"")
			.doesNotContain(company.temporaryUsername());
		CompanyUser after = this.users.findById(admin.id()).orElseThrow();
		assertThat(after.temporary()).as("the first login still asks for definitive credentials").isTrue();
		assertThat(after.username()).isNotEqualTo(company.temporaryUsername());
		assertThat(this.encoder.matches(company.temporaryPassword(), this.users.passwordHash(admin.id()))).isFalse();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(admin.mobile().e164())
				.stream()
				.skip(smsBefore)
				.anyMatch(sms -> sms.text().contains("clave temporal del portal de empresas")));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Mailbox.textsTo(admin.email().value())
				.stream()
				.anyMatch(text -> text.contains(after.username())));
		assertThat(this.audit.forSubject("company-user:" + admin.id(), 50))
			.filteredOn(event -> event.type().equals("CORPORATE_RECOVERY_DONE"))
			.singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("result",
					"temporary-credentials-reissued"));
	}

	// ---- the flow's edges -------------------------------------------------------------------------------------

	@Test
	void aRecoveryExpiresAndLaterStepsCannotBeSkipped() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		this.companies.withDefinitiveCredentials(company.administratorId());
		CompanyUser admin = this.users.findById(company.administratorId()).orElseThrow();
		String key = start(company.ruc(), company.cedula(), admin.mobile(), admin.email());

		assertThat(this.browser.get("/empresas/recuperar/nueva-clave"))
			.hasRedirectedUrl("/empresas/recuperar/clave-temporal");
		assertThat(setPassword(NEW_PASSWORD, NEW_PASSWORD)).hasRedirectedUrl("/empresas/recuperar/clave-temporal");
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.browser.post("/empresas/recuperar/clave-temporal", "key", key)).bodyText()
			.contains("El tiempo para completar la recuperación terminó");
		assertThat(this.encoder.matches(TestCompanies.PASSWORD, this.users.passwordHash(admin.id()))).isTrue();
	}

	@Test
	void theKeyLastsFiveMinutes() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		this.companies.withDefinitiveCredentials(company.administratorId());
		CompanyUser admin = this.users.findById(company.administratorId()).orElseThrow();
		String key = start(company.ruc(), company.cedula(), admin.mobile(), admin.email());
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.browser.post("/empresas/recuperar/clave-temporal", "key", key)).bodyText()
			.contains("La clave temporal venció");
	}

	@Test
	void theStepsSpeakEnglish() {
		this.browser.inEnglish();
		assertThat(this.browser.get("/empresas/recuperar?lang=en")).bodyText()
			.contains("Forgot your username or password?")
			.contains("Company RUC")
			.contains("Identity number");
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		this.companies.withDefinitiveCredentials(company.administratorId());
		CompanyUser admin = this.users.findById(company.administratorId()).orElseThrow();
		String key = start(company.ruc(), company.cedula(), admin.mobile(), admin.email());
		assertThat(this.browser.get("/empresas/recuperar/clave-temporal?lang=en")).bodyText()
			.contains("If the details belong to a registered user, we have sent a temporary key");
		assertThat(this.browser.post("/empresas/recuperar/clave-temporal?lang=en", "key", wrong(key))).bodyText()
			.contains("The temporary key is not correct");
		this.browser.post("/empresas/recuperar/clave-temporal?lang=en", "key", key);
		assertThat(this.browser.get("/empresas/recuperar/nueva-clave?lang=en")).bodyText()
			.contains("Your username and your new password")
			.contains("ACCEPT");
		assertThat(this.browser.post("/empresas/recuperar/nueva-clave?lang=en", "password", "x", "confirmation", "x"))
			.bodyText()
			.contains("The password must have 8 to 20 characters");
		this.browser.post("/empresas/recuperar/nueva-clave?lang=en", "password", NEW_PASSWORD, "confirmation",
				NEW_PASSWORD);
		assertThat(this.browser.get("/empresas/recuperar/exito?lang=en")).bodyText()
			.contains("Your password was changed successfully");
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	/** Starts a recovery for a user who exists; returns the clave temporal read from the SMS, also in the e-mail. */
	private String start(String ruc, String documentNumber, PhoneNumber mobile, EmailAddress email) {
		int smsBefore = SMS.receivedBy(mobile.e164()).size();
		int mailsBefore = Mailbox.textsTo(email.value()).size();
		assertThat(this.browser.post("/empresas/recuperar", "ruc", ruc, "documentNumber", documentNumber))
			.hasRedirectedUrl("/empresas/recuperar/clave-temporal");
		assertThat(this.browser.get("/empresas/recuperar/clave-temporal")).hasStatusOk()
			.bodyText()
			.containsAnyOf(SENT + " a la dirección de correo y al número celular registrados. La clave durará 5 minutos.",
					"we have sent a temporary key to the registered e-mail address and mobile number. The key is "
							+ "valid for 5 minutes.");
		String key = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(mobile.e164(), smsBefore, 6).orElse(null), code -> code != null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Mailbox.textsTo(email.value()).stream().skip(mailsBefore).anyMatch(text -> text.contains(key)));
		return key;
	}

	private MvcTestResult setPassword(String password, String confirmation) {
		return this.browser.post("/empresas/recuperar/nueva-clave", "password", password, "confirmation",
				confirmation);
	}

	private long recoveries() {
		return this.jdbc.sql("SELECT count(*) FROM corporate_recoveries").query(Long.class).single();
	}

	private String signedInSessionOf(UUID userId) {
		return saveSession(this.sessions, "company-user:" + userId);
	}

	private static <S extends Session> String saveSession(FindByIndexNameSessionRepository<S> repository,
			String principal) {
		S created = repository.createSession();
		created.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal);
		repository.save(created);
		return created.getId();
	}

	/** The page with what changes from one request to the next (CSRF token, times, the keyboard's order) blurred. */
	private static String comparable(MvcTestResult page) {
		try {
			return page.getResponse()
				.getContentAsString()
				.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
				.replaceAll("content=\"[^\"]*\"", "")
				.replaceAll("[0-9]", "#");
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String errorOf(MvcTestResult page) {
		try {
			java.util.regex.Matcher error = java.util.regex.Pattern.compile("id=\"key-error\">([^<]*)<")
				.matcher(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
			return error.find() ? error.group(1) : "";
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String wrong(String key) {
		return key.equals("000000") ? "111111" : "000000";
	}

	private static String shortId() {
		return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L, 36)
			.toUpperCase();
	}

}
