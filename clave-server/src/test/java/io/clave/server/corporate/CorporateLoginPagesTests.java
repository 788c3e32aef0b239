package io.clave.server.corporate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corebanking.CorporateAccounts;
import io.clave.server.identity.IdentitySettings;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.Mailbox;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCompanies;
import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.TestUsers;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The corporate login as a company's administrator goes through it: the temporary credentials of the affiliation,
 * the clave temporal by SMS and e-mail, the definitive credentials and their rules, the login again, the choice of
 * profile and the landing pages; and the refusals, the lock, the expired credentials and the separation from the
 * customers' sessions.
 */
class CorporateLoginPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestCompanies companies;

	@Autowired
	TestUsers customers;

	@Autowired
	CorporateAccounts core;

	@Autowired
	AuditTrail audit;

	@Autowired
	MovableClock clock;

	@Autowired
	IdentitySettings identity;

	@Autowired
	CompanyUsers users;

	@Autowired
	PasswordEncoder encoder;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theFirstLoginCreatesTheDefinitiveCredentialsThenTheUserLogsInAgainAndChoosesAProfile() {
		Affiliated company = this.companies.affiliate(ProfileSet.BOTH);
		this.core.addCard(company.ruc(), "4321", "ROSA QUISHPE", new BigDecimal("15000.00"), new BigDecimal("3240.75"));
		this.core.addSale(company.ruc(), this.clock.instant().minus(Duration.ofHours(2)), "Visa", "9876",
				new BigDecimal("87.40"), "556677");
		this.core.addSettlement(company.ruc(), LocalDate.now().minusDays(1), new BigDecimal("1000.00"),
				new BigDecimal("35.00"), "PAID");
		WebSession browser = new WebSession(this.mvc);

		assertThat(browser.get("/empresas/ingreso")).hasStatusOk()
			.bodyText()
			.contains("Ingreso al portal de empresas", "href=\"/empresas/recuperar\"", "¿Olvidó su usuario y/o clave?");

		// the temporary credentials, then the clave temporal to the mobile and the e-mail
		String key = logIn(browser, company, company.temporaryUsername(), company.temporaryPassword());
		assertThat(browser.post("/empresas/ingreso/clave-temporal", "key", key))
			.hasRedirectedUrl("/empresas/ingreso/credenciales");

		assertThat(browser.get("/empresas/ingreso/credenciales")).hasStatusOk()
			.bodyText()
			.contains("Cree su usuario y contraseña definitiva", "entre 8 y 14 caracteres",
					"cumpleaños, aniversarios, nombres ni apellidos", "mayúsculas, minúsculas y números",
					"diferente al nombre de usuario");

		// each rule refuses
		String username = "halcon." + letters(5);
		String taken = "tomado." + letters(6);
		this.users.setDefinitiveCredentials(this.companies.affiliate(ProfileSet.CORPORATE).administratorId(), taken,
				this.encoder.encode("Otra7Clave"), this.clock.instant());
		assertRefused(browser, "rosa.quishpe", "Tesoro7Verde", "no puede contener sus nombres");
		assertRefused(browser, "halcon1990x", "Tesoro7Verde", "no puede contener fechas");
		assertRefused(browser, "corto", "Tesoro7Verde", "entre 8 y 14 caracteres");
		assertRefused(browser, taken, "Tesoro7Verde", "Ese usuario ya existe");
		assertRefused(browser, username, "Password1", "demasiado común");
		assertRefused(browser, username, username.toUpperCase(Locale.ROOT).charAt(0) + username.substring(1) + "7",
				"diferente al nombre de usuario");
		assertRefused(browser, username, "Tesoro7Quishpe", "no puede contener sus nombres");
		assertRefused(browser, username, "Corto7a", "entre 8 y 20 caracteres");
		assertRefused(browser, username, "Verde2019Ab", "no puede contener fechas");

		// accepted: the temporary credentials are replaced, the user is told and logs in again
		int smsBefore = SMS.receivedBy(company.mobile().e164()).size();
		assertThat(browser.post("/empresas/ingreso/credenciales", "username", username, "password",
				TestCompanies.PASSWORD, "confirmation", TestCompanies.PASSWORD))
			.hasRedirectedUrl("/empresas/ingreso");
		assertThat(browser.get("/empresas/ingreso")).bodyText()
			.contains("Creó su usuario y clave definitivos. Ingrese ahora con ellos");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(company.mobile().e164())
				.stream()
				.skip(smsBefore)
				.anyMatch(sms -> sms.text().contains("usuario y clave definitivos")));
		assertThat(browser.post("/empresas/ingreso", "username", company.temporaryUsername(), "password",
				company.temporaryPassword()))
			.bodyText()
			.contains("El usuario o la clave no son correctos");

		String beforeLogin = browser.sessionId();
		key = logIn(browser, company, username.toUpperCase(Locale.ROOT), TestCompanies.PASSWORD);
		assertThat(browser.post("/empresas/ingreso/clave-temporal", "key", key))
			.hasRedirectedUrl("/empresas/portal/perfil");
		assertThat(browser.sessionId()).isNotNull().isNotEqualTo(beforeLogin);

		// "El sistema determinará el perfil de la empresa": both, so the user chooses
		assertThat(browser.get("/empresas/portal")).hasRedirectedUrl("/empresas/portal/perfil");
		assertThat(browser.get("/empresas/portal/perfil")).hasStatusOk()
			.bodyText()
			.contains("Seleccione el perfil", "Perfil Corporativo", "Perfil Establecimiento",
					"href=\"/empresas/portal/usuarios\"", "Administración de perfiles de usuario");
		assertThat(browser.post("/empresas/portal/perfil", "profile", "CORPORATE")).hasRedirectedUrl("/empresas/portal");
		assertThat(browser.get("/empresas/portal")).hasStatusOk()
			.bodyText()
			.contains("Tarjetas corporativas", "Empresa de Prueba S.A.", company.ruc(), "**** **** **** 4321",
					"ROSA QUISHPE", "$15,000.00", "$3,240.75", "$11,759.25", "Cambiar de perfil")
			.doesNotContain("Ventas recientes");
		assertThat(browser.post("/empresas/portal/perfil", "profile", "MERCHANT")).hasRedirectedUrl("/empresas/portal");
		assertThat(browser.get("/empresas/portal")).hasStatusOk()
			.bodyText()
			.contains("Ventas recientes", "Visa", "**** **** **** 9876", "$87.40", "556677", "Liquidaciones",
					"$1,000.00", "$35.00", "$965.00", "Pagada")
			.doesNotContain("Tarjetas corporativas");

		// "recibirá una notificación ... indicando que el ingreso se realizó con éxito", by SMS and e-mail
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(company.mobile().e164())
				.stream()
				.anyMatch(sms -> sms.text().contains("se realizó con éxito") && sms.text().contains("127.0.0.1")));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Mailbox.textsTo(company.email().value())
				.stream()
				.anyMatch(mail -> mail.contains("se realizó con éxito") && mail.contains("Empresa de Prueba S.A.")));
		assertThat(events(company.administratorId())).extracting(RecordedAuditEvent::type)
			.contains("CORPORATE_LOGIN_PASSWORD", "CORPORATE_SECOND_FACTOR", "CORPORATE_CREDENTIALS_CREATED",
					"CORPORATE_LOGIN", "CORPORATE_PROFILE");
		assertThat(events(company.administratorId())).filteredOn(event -> event.type().equals("CORPORATE_LOGIN"))
			.singleElement()
			.satisfies(event -> assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS));

		// a company user's session is no customer's, and the logout ends it
		assertThat(browser.get("/banca").getResponse().getStatus()).isEqualTo(403);
		assertThat(browser.post("/empresas/salir")).hasRedirectedUrl("/empresas/ingreso?salida");
		assertThat(browser.get("/empresas/portal")).redirectedUrl().startsWith("/empresas/ingreso");
		assertThat(events(company.administratorId())).extracting(RecordedAuditEvent::type).contains("CORPORATE_LOGOUT");
	}

	@Test
	void aCompanyWithOneProfileGoesStraightToItsLandingAndCannotTakeAnother() {
		Affiliated company = this.companies.affiliate(ProfileSet.MERCHANT);
		String username = this.companies.withDefinitiveCredentials(company.administratorId());
		this.core.addSale(company.ruc(), this.clock.instant().minus(Duration.ofMinutes(30)), "Mastercard", "1122",
				new BigDecimal("19.99"), "123123");
		WebSession browser = new WebSession(this.mvc);

		String key = logIn(browser, company, username, TestCompanies.PASSWORD);
		assertThat(browser.post("/empresas/ingreso/clave-temporal", "key", key)).hasRedirectedUrl("/empresas/portal");
		assertThat(browser.get("/empresas/portal")).hasStatusOk()
			.bodyText()
			.contains("Ventas recientes", "$19.99", "123123", "Perfil Establecimiento")
			.doesNotContain("Cambiar de perfil");

		// whatever the form says, the server keeps the profiles of the user and the company
		MvcTestResult refused = browser.post("/empresas/portal/perfil", "profile", "CORPORATE");
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused).bodyText().contains("Ese perfil no está disponible para su usuario");
		assertThat(browser.get("/empresas/portal")).hasStatusOk().bodyText().contains("Ventas recientes");
		assertThat(browser.get("/empresas/portal/perfil")).hasRedirectedUrl("/empresas/portal");
		assertThat(events(company.administratorId())).filteredOn(event -> event.type().equals("CORPORATE_PROFILE"))
			.anySatisfy(event -> assertThat(event.outcome()).isEqualTo(Outcome.FAILURE));
	}

	@Test
	void everyRefusalOfTheUsernameOrPasswordIsTheSameAndWrongPasswordsAndKeysLock() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		String username = this.companies.withDefinitiveCredentials(company.administratorId());
		WebSession browser = new WebSession(this.mvc);
		String generic = "El usuario o la clave no son correctos, o su acceso está bloqueado";

		assertThat(browser.post("/empresas/ingreso", "username", "nadie." + letters(6), "password", "Tesoro7Verde"))
			.hasStatusOk()
			.bodyText()
			.contains(generic);
		int failures = this.identity.lockout().maxFailures();
		for (int i = 0; i < failures - 2; i++) {
			assertThat(browser.post("/empresas/ingreso", "username", username, "password", "Tesoro7Rojo"))
				.bodyText()
				.contains(generic);
		}
		// wrong claves temporales count towards the same lock
		logIn(browser, company, username, TestCompanies.PASSWORD);
		assertThat(browser.post("/empresas/ingreso/clave-temporal", "key", "000000")).bodyText()
			.contains("La clave temporal no es correcta");
		assertThat(browser.post("/empresas/ingreso/clave-temporal", "key", "000001"))
			.hasRedirectedUrl("/empresas/ingreso");
		assertThat(browser.get("/empresas/ingreso")).bodyText().contains("su acceso quedó bloqueado");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(company.mobile().e164())
				.stream()
				.anyMatch(sms -> sms.text().contains("bloqueamos su acceso al portal de empresas")));

		// locked: even the right password gets the same refusal as an unknown user
		assertThat(browser.post("/empresas/ingreso", "username", username, "password", TestCompanies.PASSWORD))
			.bodyText()
			.contains(generic);
		assertThat(events(company.administratorId())).filteredOn(event -> event.type().equals("CORPORATE_LOGIN"))
			.extracting(event -> event.details().get("reason"))
			.contains("wrong-password", "account-temporarily-locked");
	}

	@Test
	void expiredTemporaryCredentialsAreRefusedWithTheirOwnMessageAfterARightPassword() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		this.clock.advance(Duration.ofDays(8));
		WebSession browser = new WebSession(this.mvc);

		assertThat(browser.post("/empresas/ingreso", "username", company.temporaryUsername(), "password",
				company.temporaryPassword()))
			.bodyText()
			.contains("Sus credenciales temporales vencieron");
		assertThat(browser.post("/empresas/ingreso", "username", company.temporaryUsername(), "password",
				"Equivocada7"))
			.bodyText()
			.contains("El usuario o la clave no son correctos")
			.doesNotContain("vencieron");
	}

	@Test
	void aSessionEndsAfterTheAbsoluteLimitHoweverActive() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		String username = this.companies.withDefinitiveCredentials(company.administratorId());
		WebSession browser = new WebSession(this.mvc);
		String key = logIn(browser, company, username, TestCompanies.PASSWORD);
		assertThat(browser.post("/empresas/ingreso/clave-temporal", "key", key)).hasRedirectedUrl("/empresas/portal");
		assertThat(browser.get("/empresas/portal")).hasStatusOk();

		this.clock.advance(Duration.ofMinutes(31));
		assertThat(browser.get("/empresas/portal")).hasRedirectedUrl("/empresas/ingreso?sesion=expirada");
		assertThat(events(company.administratorId())).extracting(RecordedAuditEvent::type).contains("SESSION_END");
	}

	@Test
	void aCustomerCannotOpenTheCorporatePortal() {
		WebSession customer = new WebSession(this.mvc).signIn(this.customers.enrolled());
		assertThat(customer.get("/banca")).hasStatusOk();
		assertThat(customer.get("/empresas/portal").getResponse().getStatus()).isEqualTo(403);
		assertThat(customer.get("/empresas/portal/perfil").getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theLoginPagesSpeakEnglishWithLangEn() {
		assertThat(this.mvc.get().uri("/empresas/ingreso?lang=en").exchange()).hasStatusOk()
			.bodyText()
			.contains("Sign in to the companies portal", "Forgot your username and/or password?");
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	/** Username and password; returns the clave temporal, checking it came by SMS and, the same, by e-mail. */
	private String logIn(WebSession browser, Affiliated company, String username, String password) {
		String mobile = company.mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();
		int mailsBefore = Mailbox.textsTo(company.email().value()).size();
		assertThat(browser.post("/empresas/ingreso", "username", username, "password", password))
			.hasRedirectedUrl("/empresas/ingreso/clave-temporal");
		assertThat(browser.get("/empresas/ingreso/clave-temporal")).hasStatusOk()
			.bodyText()
			.contains("Enviamos una clave temporal a su celular", company.mobile().masked(),
					company.email().masked());
		String key = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(mobile, smsBefore, 6).orElse(null), code -> code != null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Mailbox.textsTo(company.email().value())
				.stream()
				.skip(mailsBefore)
				.anyMatch(mail -> mail.contains(key)));
		return key;
	}

	private static void assertRefused(WebSession browser, String username, String password, String message) {
		assertThat(browser.post("/empresas/ingreso/credenciales", "username", username, "password", password,
				"confirmation", password))
			.hasStatusOk()
			.bodyText()
			.contains("Cree su usuario y contraseña definitiva", message);
	}

	private List<RecordedAuditEvent> events(UUID userId) {
		return this.audit.forSubject("company-user:" + userId, 200);
	}

	static String letters(int count) {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < count; i++) {
			letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return letters.toString();
	}

}
