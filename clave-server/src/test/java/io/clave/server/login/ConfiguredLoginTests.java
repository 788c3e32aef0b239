package io.clave.server.login;

import java.time.Duration;

import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.server.support.WebSession;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A bank that chose the other settings of the login: the second factor only on a browser not seen before (the first
 * login asks it and leaves a signed trusted-device cookie; the next login from that browser does not ask it, until
 * the cookie expires; a cookie is good only for the user it was issued to), the clave temporal by e-mail too, and
 * several sessions per customer.
 */
@TestPropertySource(properties = { ConfiguredLoginTests.NEW_DEVICE, ConfiguredLoginTests.KEY_BY_EMAIL_TOO,
		ConfiguredLoginTests.SEVERAL_SESSIONS, ConfiguredLoginTests.IDLE_TIMEOUT, ConfiguredLoginTests.WARNING })
public class ConfiguredLoginTests extends IntegrationTest {

	public static final String NEW_DEVICE = "clave.login.second-factor=NEW_DEVICE";

	public static final String KEY_BY_EMAIL_TOO = "clave.login.one-time-key-channels=SMS_AND_EMAIL";

	public static final String SEVERAL_SESSIONS = "clave.login.end-other-sessions=false";

	/** Short enough for the browser test of the warning to see it without waiting minutes. */
	public static final String IDLE_TIMEOUT = "server.servlet.session.timeout=70s";

	public static final String WARNING = "clave.login.session-warning=66s";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void asksTheSecondFactorOnlyOnABrowserNotSeenBefore() {
		Enrolled user = this.users.enrolled();
		WebSession firstVisit = new WebSession(this.mvc);
		firstVisit.post("/ingreso", "username", user.username());
		assertThat(password(firstVisit, null)).hasRedirectedUrl("/ingreso/segundo-factor");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.lastCode(user.person().mobile().e164(), 6).isPresent());
		MvcTestResult signedIn = firstVisit.post("/ingreso/segundo-factor", "key",
				SMS.lastCode(user.person().mobile().e164(), 6).orElseThrow());
		assertThat(signedIn).hasRedirectedUrl("/banca");
		Cookie device = signedIn.getResponse().getCookie("clave-dispositivo");
		assertThat(device).isNotNull();
		assertThat(device.isHttpOnly()).isTrue();
		assertThat(device.getValue()).doesNotContain(user.username());

		WebSession secondVisit = new WebSession(this.mvc);
		secondVisit.post("/ingreso", "username", user.username());
		assertThat(password(secondVisit, device)).as("no second factor on a trusted browser")
			.hasRedirectedUrl("/banca");

		Enrolled someoneElse = this.users.enrolled();
		WebSession borrowed = new WebSession(this.mvc);
		borrowed.post("/ingreso", "username", someoneElse.username());
		assertThat(password(borrowed, device)).as("the cookie names its user")
			.hasRedirectedUrl("/ingreso/segundo-factor");

		this.clock.advance(Duration.ofDays(31));
		WebSession monthLater = new WebSession(this.mvc);
		monthLater.post("/ingreso", "username", user.username());
		assertThat(password(monthLater, device)).as("an expired cookie is worth nothing")
			.hasRedirectedUrl("/ingreso/segundo-factor");
	}

	@Test
	void sendsTheClaveTemporalByEmailTooAndKeepsTheOtherSessions() throws Exception {
		Enrolled user = this.users.enrolled();
		WebSession laptop = new WebSession(this.mvc);
		laptop.post("/ingreso", "username", user.username());
		assertThat(password(laptop, null)).hasRedirectedUrl("/ingreso/segundo-factor");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> MAIL.getReceivedMessagesForDomain(user.person().email().value()).length > 0);
		String mail = com.icegreen.greenmail.util.GreenMailUtil
			.getBody(MAIL.getReceivedMessagesForDomain(user.person().email().value())[0]);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.lastCode(user.person().mobile().e164(), 6).isPresent());
		String key = SMS.lastCode(user.person().mobile().e164(), 6).orElseThrow();
		assertThat(mail).as("the same key by e-mail").contains(key);
		assertThat(laptop.post("/ingreso/segundo-factor", "key", key)).hasRedirectedUrl("/banca");

		// a second browser: no cookie, so the second factor again; the laptop's session stays open
		this.clock.advance(Duration.ofSeconds(61));
		WebSession phone = new WebSession(this.mvc);
		phone.post("/ingreso", "username", user.username());
		assertThat(password(phone, null)).hasRedirectedUrl("/ingreso/segundo-factor");
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy(user.person().mobile().e164()).size() >= 3);
		assertThat(phone.post("/ingreso/segundo-factor", "key", SMS.lastCode(user.person().mobile().e164(), 6)
			.orElseThrow())).hasRedirectedUrl("/banca");
		assertThat(laptop.post("/banca/sesion")).hasStatus(204);
		assertThat(phone.post("/banca/sesion")).hasStatus(204);
	}

	@Test
	void signedInPagesCarryTheSessionTimingsForTheWarning() throws Exception {
		Enrolled user = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc);
		browser.post("/ingreso", "username", user.username());
		password(browser, null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.lastCode(user.person().mobile().e164(), 6).isPresent());
		browser.post("/ingreso/segundo-factor", "key", SMS.lastCode(user.person().mobile().e164(), 6).orElseThrow());
		assertThat(browser.get("/banca").getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("data-idle-seconds=\"70\"")
			.contains("data-warning-seconds=\"66\"");
	}

	@Test
	void aTamperedCookieIsWorthNothing() {
		Enrolled user = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc);
		browser.post("/ingreso", "username", user.username());
		Cookie forged = new Cookie("clave-dispositivo", "dXNlcg.c2lnbmF0dXJl");
		assertThat(password(browser, forged)).hasRedirectedUrl("/ingreso/segundo-factor");
	}

	private MvcTestResult password(WebSession browser, Cookie device) {
		var request = this.mvc.post().uri("/ingreso/clave").with(csrf()).param("password", TestUsers.PASSWORD);
		if (device != null) {
			request = request.cookie(device);
		}
		return browser.exchange(request);
	}

}
