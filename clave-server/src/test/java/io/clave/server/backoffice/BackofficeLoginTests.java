package io.clave.server.backoffice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.clave.otp.Base32;
import io.clave.otp.Totp;
import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * An operator created as the {@code operator create} command creates one signs in to the back office with the
 * password, then a code computed from the authenticator secret the creation handed out, and at the first login
 * chooses a new password. Wrong passwords, wrong codes and replayed codes get one answer and lock the operator; the
 * back office and the customers' banking never let each other's sessions in.
 */
class BackofficeLoginTests extends IntegrationTest {

	private static final String REFUSED = "No pudimos validar tus datos";

	private static final String NEW_PASSWORD = "una frase larga de operadora 2025";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Operators operators;

	@Autowired
	MovableClock clock;

	@Autowired
	AuditTrail audit;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void firstLoginTakesPasswordThenCodeThenANewPassword() {
		OperatorEnrolment ana = create(OperatorRole.OPERATOR, OperatorRole.SUPERVISOR);
		WebSession browser = new WebSession(this.mvc);
		assertThat(browser.get("/backoffice")).as("not signed in").hasRedirectedUrl("/backoffice/ingreso");
		assertThat(browser.get("/backoffice/ingreso")).hasStatusOk()
			.bodyText()
			.contains("Ingreso a la consola del banco");
		String anonymous = browser.sessionId();

		assertThat(browser.post("/backoffice/ingreso", "username", ana.username().toUpperCase(), "password",
				ana.initialPassword()))
			.hasRedirectedUrl("/backoffice/ingreso/codigo");
		assertThat(browser.get("/backoffice/ingreso/codigo")).bodyText().contains("aplicación autenticadora");
		String code = code(ana.key());
		assertThat(browser.post("/backoffice/ingreso/codigo", "code", code))
			.hasRedirectedUrl("/backoffice/ingreso/nueva-clave");
		assertThat(browser.get("/backoffice")).as("no console before the new password")
			.hasRedirectedUrl("/backoffice/ingreso?sesion=expirada");

		assertThat(browser.post("/backoffice/ingreso/nueva-clave", "password", "corta", "confirmation", "corta"))
			.bodyText()
			.contains("La clave no tiene la longitud indicada");
		assertThat(browser.post("/backoffice/ingreso/nueva-clave", "password", ana.initialPassword(), "confirmation",
				ana.initialPassword()))
			.bodyText()
			.contains("La nueva clave debe ser distinta de la actual");
		assertThat(browser.post("/backoffice/ingreso/nueva-clave", "password", NEW_PASSWORD, "confirmation",
				NEW_PASSWORD + "x"))
			.bodyText()
			.contains("Las dos claves no coinciden");
		assertThat(browser.post("/backoffice/ingreso/nueva-clave", "password", NEW_PASSWORD, "confirmation",
				NEW_PASSWORD))
			.hasRedirectedUrl("/backoffice");
		assertThat(browser.sessionId()).as("the session id changes at login").isNotEqualTo(anonymous);

		MvcTestResult home = browser.get("/backoffice");
		assertThat(home).hasStatusOk()
			.bodyText()
			.contains("Hola, Ana Operadora")
			.contains(ana.username())
			.contains("Operador")
			.contains("Supervisor")
			.contains("Registrar afiliación")
			.contains("Tu clave quedó cambiada");
		assertThat(home.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(browser.get("/backoffice/ingreso")).as("signed in already").hasRedirectedUrl("/backoffice");

		assertThat(browser.post("/backoffice/salir")).hasRedirectedUrl("/backoffice/ingreso?salida");
		assertThat(browser.get("/backoffice")).hasRedirectedUrl("/backoffice/ingreso");

		List<RecordedAuditEvent> events = events(ana);
		assertThat(events).extracting(event -> event.type() + ":" + event.outcome() + ":" + step(event))
			.containsSubsequence("BACKOFFICE_OPERATOR_CREATED:SUCCESS:", "BACKOFFICE_LOGIN:SUCCESS:password",
					"BACKOFFICE_LOGIN:SUCCESS:code", "BACKOFFICE_PASSWORD_CHANGE:FAILURE:",
					"BACKOFFICE_PASSWORD_CHANGE:SUCCESS:", "BACKOFFICE_LOGIN:SUCCESS:signed-in",
					"BACKOFFICE_LOGOUT:SUCCESS:");
		assertThat(events.toString()).doesNotContain(ana.initialPassword(), NEW_PASSWORD, code, ana.key().secret());
	}

	@Test
	void laterLoginsNeedNoNewPasswordAndACodeIsAcceptedOnce() {
		OperatorEnrolment luis = create(OperatorRole.AUDITOR);
		String code = signInFirstTime(luis, new WebSession(this.mvc));

		WebSession other = new WebSession(this.mvc);
		assertThat(other.post("/backoffice/ingreso", "username", luis.username(), "password", NEW_PASSWORD))
			.hasRedirectedUrl("/backoffice/ingreso/codigo");
		assertThat(other.post("/backoffice/ingreso/codigo", "code", code)).as("the code of the last login")
			.bodyText()
			.contains(REFUSED);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(other.post("/backoffice/ingreso/codigo", "code", code(luis.key()))).hasRedirectedUrl("/backoffice");
		assertThat(other.get("/backoffice")).bodyText().contains("Auditor").doesNotContain("Registrar afiliación");

		assertThat(events(luis)).anyMatch(event -> event.type().equals("BACKOFFICE_LOGIN")
				&& "replayed-code".equals(event.details().get("reason")));
	}

	@Test
	void anUnknownUserAWrongPasswordAndAWrongCodeGetTheSameAnswer() {
		OperatorEnrolment eva = create(OperatorRole.OPERATOR);
		WebSession browser = new WebSession(this.mvc);
		String unknown = alert(browser.post("/backoffice/ingreso", "username", "nadie.aqui", "password", "x"));
		String wrongPassword = alert(
				browser.post("/backoffice/ingreso", "username", eva.username(), "password", "Equivocada-123"));
		assertThat(browser.post("/backoffice/ingreso", "username", eva.username(), "password", eva.initialPassword()))
			.hasRedirectedUrl("/backoffice/ingreso/codigo");
		String wrongCode = alert(browser.post("/backoffice/ingreso/codigo", "code", wrongCode(eva.key())));
		assertThat(unknown).contains(REFUSED).isEqualTo(wrongPassword).isEqualTo(wrongCode);

		assertThat(this.audit.forSubject("operator:unknown", 10)).anyMatch(
				event -> event.type().equals("BACKOFFICE_LOGIN") && "unknown-username".equals(event.details().get("reason")));
		assertThat(events(eva)).extracting(event -> event.details().get("reason"))
			.contains("wrong-password", "wrong-code");
	}

	@Test
	void fiveFailuresLockTheOperatorForFifteenMinutes() {
		OperatorEnrolment raul = create(OperatorRole.OPERATOR);
		WebSession browser = new WebSession(this.mvc);
		for (int i = 0; i < 4; i++) {
			assertThat(browser.post("/backoffice/ingreso", "username", raul.username(), "password", "Equivocada-" + i))
				.bodyText()
				.contains(REFUSED);
		}
		assertThat(browser.post("/backoffice/ingreso", "username", raul.username(), "password", raul.initialPassword()))
			.hasRedirectedUrl("/backoffice/ingreso/codigo");
		assertThat(browser.post("/backoffice/ingreso/codigo", "code", wrongCode(raul.key()))).as("the fifth failure")
			.bodyText()
			.contains(REFUSED);
		assertThat(browser.post("/backoffice/ingreso/codigo", "code", code(raul.key()))).as("locked: even the right code")
			.bodyText()
			.contains(REFUSED);
		assertThat(browser.post("/backoffice/ingreso", "username", raul.username(), "password", raul.initialPassword()))
			.as("locked: even the right password")
			.bodyText()
			.contains(REFUSED);
		assertThat(events(raul)).extracting(event -> event.details().get("reason"))
			.contains("wrong-code-now-locked", "locked");

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(browser.post("/backoffice/ingreso", "username", raul.username(), "password", raul.initialPassword()))
			.hasRedirectedUrl("/backoffice/ingreso/codigo");
		assertThat(browser.post("/backoffice/ingreso/codigo", "code", code(raul.key())))
			.hasRedirectedUrl("/backoffice/ingreso/nueva-clave");
	}

	@Test
	void customersAndOperatorsStayOnTheirOwnSide() {
		SignedInCustomer customer = new SignedInCustomer(UUID.randomUUID(), 1L, "mariap2024", this.clock.instant());
		assertThat(this.mvc.get()
			.uri("/backoffice")
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(customer, null,
					List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))))))
			.hasStatus(403);

		OperatorEnrolment sara = create(OperatorRole.OPERATOR, OperatorRole.SUPERVISOR, OperatorRole.AUDITOR);
		SignedInOperator operator = new SignedInOperator(sara.operatorId(), sara.username(),
				Set.of("OPERATOR", "SUPERVISOR", "AUDITOR"), this.clock.instant());
		UsernamePasswordAuthenticationToken staff = UsernamePasswordAuthenticationToken.authenticated(operator, null,
				AuthorityUtils.createAuthorityList(operator.authorities()));
		assertThat(operator.authorities()).doesNotContain("ROLE_CUSTOMER");
		assertThat(this.mvc.get().uri("/banca").with(authentication(staff))).hasStatus(403);
		assertThat(this.mvc.get().uri("/api/v1/me/accounts").with(authentication(staff))).hasStatus(403);
		assertThat(this.mvc.get().uri("/backoffice").with(authentication(staff))).hasStatusOk();

		assertThat(this.mvc.get().uri("/backoffice/cualquier-cosa")).hasRedirectedUrl("/backoffice/ingreso");
		assertThat(this.mvc.get().uri("/banca")).as("the customers' login is unchanged").hasRedirectedUrl("/ingreso");
		assertThat(this.mvc.post().uri("/backoffice/ingreso").param("username", sara.username())).as("CSRF stays on")
			.hasRedirectedUrl("/backoffice/ingreso?sesion=expirada");
	}

	@Test
	void theLoginPageSpeaksEnglishOnRequest() {
		assertThat(this.mvc.get().uri("/backoffice/ingreso?lang=en")).bodyText()
			.contains("Sign in to the bank console")
			.contains("Password");
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private OperatorEnrolment create(OperatorRole... roles) {
		String username = "ops." + UUID.randomUUID().toString().substring(0, 8);
		OperatorCreation creation = this.operators.create(username, "Ana Operadora",
				EnumSet.copyOf(List.of(roles)), ClientContext.SYSTEM);
		assertThat(creation).isInstanceOf(OperatorCreation.Created.class);
		return ((OperatorCreation.Created) creation).enrolment();
	}

	/** @return the code that signed in */
	private String signInFirstTime(OperatorEnrolment operator, WebSession browser) {
		assertThat(browser.post("/backoffice/ingreso", "username", operator.username(), "password",
				operator.initialPassword()))
			.hasRedirectedUrl("/backoffice/ingreso/codigo");
		String code = code(operator.key());
		assertThat(browser.post("/backoffice/ingreso/codigo", "code", code))
			.hasRedirectedUrl("/backoffice/ingreso/nueva-clave");
		assertThat(browser.post("/backoffice/ingreso/nueva-clave", "password", NEW_PASSWORD, "confirmation",
				NEW_PASSWORD))
			.hasRedirectedUrl("/backoffice");
		return code;
	}

	/** What the operator's authenticator app shows now. */
	private String code(AuthenticatorKey key) {
		return Totp.defaults().generate(Base32.decode(key.secret()), this.clock.instant());
	}

	/** A code valid in no step of the window. */
	private String wrongCode(AuthenticatorKey key) {
		Totp totp = Totp.defaults();
		byte[] secret = Base32.decode(key.secret());
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (totp.verify(secret, code, this.clock.instant(), 2).isEmpty()) {
				return code;
			}
		}
	}

	private List<RecordedAuditEvent> events(OperatorEnrolment operator) {
		List<RecordedAuditEvent> events = new ArrayList<>(this.audit.forSubject("operator:" + operator.operatorId(), 100));
		Collections.reverse(events);
		return events;
	}

	private static String step(RecordedAuditEvent event) {
		return event.details().getOrDefault("step", "");
	}

	private static String alert(MvcTestResult result) {
		String html;
		try {
			html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		int start = html.indexOf("role=\"alert\"");
		assertThat(start).as("an alert on the page").isPositive();
		return html.substring(html.indexOf('>', start) + 1, html.indexOf('<', start));
	}

}
