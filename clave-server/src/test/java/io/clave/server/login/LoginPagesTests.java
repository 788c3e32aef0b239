package io.clave.server.login;

import java.time.Duration;
import java.util.List;

import io.clave.server.audit.AuditTrail;
import io.clave.server.identity.SecondFactor;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The login pages as a customer walks them: username, image and password, clave temporal, signed in. */
class LoginPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void logsInWithTheSecurityImageAndAClaveTemporalBySms() {
		Enrolled maria = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc);

		assertThat(browser.get("/ingreso")).hasStatusOk().bodyText().contains("Ingresa a tu banca en línea");
		assertThat(browser.post("/ingreso", "username", maria.username().toUpperCase()))
			.hasRedirectedUrl("/ingreso/clave");
		String anonymousSession = browser.sessionId();
		assertThat(browser.get("/ingreso/clave")).bodyText()
			.contains("¿Esta es tu imagen de seguridad?")
			.contains(TestUsers.PHRASE)
			.contains("/images/security/" + TestUsers.IMAGE);

		assertThat(browser.post("/ingreso/clave", "password", TestUsers.PASSWORD))
			.hasRedirectedUrl("/ingreso/segundo-factor");
		assertThat(browser.get("/ingreso/segundo-factor")).bodyText()
			.contains("Clave de Seguridad Temporal")
			.contains(maria.person().mobile().masked());
		String key = awaitKey(maria);

		assertThat(browser.post("/ingreso/segundo-factor", "key", key)).hasRedirectedUrl("/banca");
		assertThat(browser.get("/ingreso")).as("signed in already").hasRedirectedUrl("/banca");
		assertThat(browser.sessionId()).as("the session id changes at login").isNotEqualTo(anonymousSession);
		assertThat(browser.post("/banca/sesion")).hasStatus(204);
		assertThat(this.jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
			.param(maria.userId().toString())
			.query(Integer.class)
			.single()).as("idle timeout of the stored session, in seconds").isEqualTo(300);

		assertThat(auditTypes(maria)).containsSubsequence("LOGIN_PASSWORD:SUCCESS", "SECOND_FACTOR:SUCCESS",
				"LOGIN:SUCCESS");
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_logins WHERE user_id = ?")
			.param(maria.userId())
			.query(Long.class)
			.single()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(SMS.receivedBy(maria.person().mobile().e164())).anyMatch(sms -> sms.text().contains("ingreso a tu banca"));
			assertThat(MAIL.getReceivedMessagesForDomain(maria.person().email().value())).isNotEmpty();
		});
	}

	@Test
	void offersTheTokenActivationAfterLoginToWhoChoseItAndHasNotActivatedIt() {
		Enrolled carlos = this.users.enrolled(SecondFactor.SOFT_TOKEN_PENDING);
		WebSession browser = new WebSession(this.mvc);
		browser.post("/ingreso", "username", carlos.username());
		browser.post("/ingreso/clave", "password", TestUsers.PASSWORD);
		assertThat(browser.post("/ingreso/segundo-factor", "key", awaitKey(carlos)))
			.hasRedirectedUrl("/banca/aviso-token");
		assertThat(browser.get("/banca/aviso-token")).bodyText().contains("Activar").contains("Más tarde");
	}

	@Test
	void showsAnUnknownUsernameTheSameImageEveryTimeAndRefusesItLikeAWrongPassword() throws Exception {
		WebSession first = new WebSession(this.mvc);
		first.post("/ingreso", "username", "nadiesellamaasi");
		String page = first.get("/ingreso/clave").getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("¿Esta es tu imagen de seguridad?").contains("/images/security/");

		WebSession second = new WebSession(this.mvc);
		second.post("/ingreso", "username", "NadieSeLlamaAsi");
		assertThat(imageOf(second.get("/ingreso/clave"))).isEqualTo(imageOf(first.get("/ingreso/clave")));

		String unknown = first.post("/ingreso/clave", "password", "Cualquiera1").getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		Enrolled real = this.users.enrolled();
		WebSession third = new WebSession(this.mvc);
		third.post("/ingreso", "username", real.username());
		String wrong = third.post("/ingreso/clave", "password", "Cualquiera1").getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(message(unknown)).isEqualTo(message(wrong)).contains("El usuario o la clave no son correctos");
	}

	@Test
	void locksTheAccountAfterFiveWrongPasswordsAndOpensItAgainAfterFifteenMinutes() {
		Enrolled jorge = this.users.enrolled();
		for (int i = 0; i < 5; i++) {
			assertThat(attempt(jorge, "Equivocada" + i)).bodyText().contains("El usuario o la clave no son correctos");
		}
		assertThat(attempt(jorge, TestUsers.PASSWORD)).as("locked: even the right password is refused")
			.bodyText()
			.contains("El usuario o la clave no son correctos");
		assertThat(auditReasons(jorge)).contains("wrong-password-now-temporarily-locked", "account-temporarily-locked");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(SMS.receivedBy(jorge.person().mobile().e164()))
			.anyMatch(sms -> sms.text().contains("bloqueamos el acceso")));

		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(attempt(jorge, TestUsers.PASSWORD)).hasRedirectedUrl("/ingreso/segundo-factor");
	}

	@Test
	void slowsDownManyAttemptsForOneUsername() {
		Enrolled target = this.users.enrolled();
		for (int i = 0; i < 10; i++) {
			assertThat(attempt(target, "Equivocada" + i)).hasStatusOk();
		}
		MvcTestResult eleventh = attempt(target, TestUsers.PASSWORD);
		assertThat(eleventh).hasStatus(429).bodyText().contains("Hubo demasiados intentos de ingreso");
		assertThat(eleventh.getResponse().getHeader("Retry-After")).matches("\\d+");
		assertThat(auditReasons(target)).contains("rate-limited-username");
	}

	@Test
	void countsWrongClavesTemporalesTowardsTheSameLock() {
		Enrolled lucia = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc);
		browser.post("/ingreso", "username", lucia.username());
		browser.post("/ingreso/clave", "password", TestUsers.PASSWORD);
		String key = awaitKey(lucia);
		String wrong = key.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 2; i++) {
			assertThat(browser.post("/ingreso/segundo-factor", "key", wrong)).bodyText()
				.contains("La clave temporal no es correcta");
		}
		// two wrong passwords before, three wrong keys now: five failures lock the account
		for (int i = 0; i < 2; i++) {
			attempt(lucia, "Equivocada" + i);
		}
		MvcTestResult locked = browser.post("/ingreso/segundo-factor", "key", wrong);
		assertThat(locked).hasRedirectedUrl("/ingreso");
		assertThat(this.jdbc.sql("SELECT locked_until IS NOT NULL FROM users WHERE id = ?")
			.param(lucia.userId())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void logoutEndsTheSessionForGood() {
		Enrolled ana = this.users.enrolled();
		WebSession browser = signedIn(ana);
		WebSession stolenCookie = browser.copy();
		assertThat(browser.post("/salir")).hasRedirectedUrl("/ingreso?salida");
		assertThat(stolenCookie.post("/banca/sesion")).hasStatus3xxRedirection();
		assertThat(stolenCookie.get("/banca/aviso-token")).redirectedUrl().startsWith("/ingreso");
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
			.param(ana.userId().toString())
			.query(Long.class)
			.single()).isZero();
		assertThat(auditTypes(ana)).contains("LOGOUT:SUCCESS");
	}

	@Test
	void aNewLoginEndsTheCustomersOtherSessions() {
		Enrolled pedro = this.users.enrolled();
		WebSession laptop = signedIn(pedro);
		this.clock.advance(Duration.ofSeconds(61));
		WebSession phone = signedIn(pedro);
		assertThat(phone.post("/banca/sesion")).hasStatus(204);
		assertThat(laptop.get("/banca/aviso-token")).redirectedUrl().isEqualTo("/ingreso?sesion=expirada");
	}

	@Test
	void endsASessionAtTheAbsoluteLimitHoweverActiveItIs() {
		Enrolled rosa = this.users.enrolled();
		WebSession browser = signedIn(rosa);
		this.clock.advance(Duration.ofMinutes(29));
		assertThat(browser.post("/banca/sesion")).hasStatus(204);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(browser.get("/banca/aviso-token")).redirectedUrl().isEqualTo("/ingreso?sesion=expirada");
		assertThat(browser.get("/ingreso?sesion=expirada")).bodyText().contains("Tu sesión terminó");
	}

	@Test
	void sendsAStaleOrUnknownSessionCookieToTheLoginPageWithAMessage() {
		MvcTestResult result = this.mvc.get()
			.uri("/banca/aviso-token")
			.cookie(new jakarta.servlet.http.Cookie("SESSION", "bm90LWEtc2Vzc2lvbg"))
			.exchange();
		assertThat(result).redirectedUrl().isEqualTo("/ingreso?sesion=expirada");
		assertThat(this.mvc.get().uri("/banca/aviso-token").exchange()).redirectedUrl().isEqualTo("/ingreso");
	}

	@Test
	void aFormPostedAfterTheSessionEndedLandsOnTheLoginPage() {
		MvcTestResult result = this.mvc.post().uri("/ingreso/clave").param("password", "x").exchange();
		assertThat(result).redirectedUrl().isEqualTo("/ingreso?sesion=expirada");
	}

	@Test
	void aLoginLeftHalfWayExpires() {
		Enrolled luis = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc);
		browser.post("/ingreso", "username", luis.username());
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(browser.get("/ingreso/clave")).hasRedirectedUrl("/ingreso");
		assertThat(browser.get("/ingreso")).bodyText().contains("Tu ingreso no se completó a tiempo");
		assertThat(browser.post("/ingreso/clave", "password", TestUsers.PASSWORD)).hasRedirectedUrl("/ingreso");
	}

	@Test
	void speaksEnglish() {
		WebSession browser = new WebSession(this.mvc).inEnglish();
		assertThat(browser.get("/ingreso?lang=en")).bodyText().contains("Log in to your online banking");
		browser.post("/ingreso", "username", "someoneunknown");
		assertThat(browser.get("/ingreso/clave")).bodyText().contains("Is this your security image?");
	}

	// ---- the journey ------------------------------------------------------------------------------------------

	private WebSession signedIn(Enrolled user) {
		return new WebSession(this.mvc).signIn(user);
	}

	private MvcTestResult attempt(Enrolled user, String password) {
		WebSession browser = new WebSession(this.mvc);
		browser.post("/ingreso", "username", user.username());
		return browser.post("/ingreso/clave", "password", password);
	}

	private static String awaitKey(Enrolled user) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.lastCode(user.person().mobile().e164(), 6).isPresent());
		return SMS.lastCode(user.person().mobile().e164(), 6).orElseThrow();
	}

	private static String imageOf(MvcTestResult page) throws Exception {
		String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		int at = html.indexOf("/images/security/");
		return html.substring(at, html.indexOf('"', at));
	}

	private static String message(String html) {
		int at = html.indexOf("alert-error");
		return html.substring(at, html.indexOf("</div>", at));
	}

	private List<String> auditTypes(Enrolled user) {
		return this.jdbc.sql("SELECT type || ':' || outcome FROM audit_events WHERE subject = ? ORDER BY id")
			.param(user.subject())
			.query(String.class)
			.list();
	}

	private List<String> auditReasons(Enrolled user) {
		return this.jdbc.sql("SELECT details->>'reason' FROM audit_events WHERE subject = ? AND details->>'reason' IS NOT NULL ORDER BY id")
			.param(user.subject())
			.query(String.class)
			.list();
	}

}
