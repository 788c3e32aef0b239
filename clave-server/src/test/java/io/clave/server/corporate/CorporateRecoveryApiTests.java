package io.clave.server.corporate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.Mailbox;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCompanies;
import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The corporate recovery through the JSON API: the same rules and codes as the pages, refusals as RFC 9457. */
class CorporateRecoveryApiTests extends IntegrationTest {

	private static final String BASE = "/api/v1/corporate/recoveries";

	private static final String TOKEN = "Corporate-Recovery-Token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestCompanies companies;

	@Autowired
	CompanyUsers users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AuditTrail audit;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void recoversThroughTheApi() {
		Affiliated company = this.companies.affiliate(ProfileSet.MERCHANT);
		UUID admin = company.administratorId();
		String username = this.companies.withDefinitiveCredentials(admin);
		CompanyUser user = this.users.findById(admin).orElseThrow();
		int smsBefore = SMS.receivedBy(user.mobile().e164()).size();

		MvcTestResult started = post(BASE, "{\"ruc\":\"" + company.ruc() + "\",\"documentNumber\":\""
				+ company.cedula() + "\"}", null);
		assertThat(started.getResponse().getStatus()).as(text(started)).isEqualTo(201);
		String token = json(started).get("token").asString();
		assertThat(json(started).get("step").asString()).isEqualTo("ONE_TIME_KEY");
		assertThat(json(started).has("username")).isFalse();
		String key = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(user.mobile().e164(), smsBefore, 6).orElse(null), code -> code != null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Mailbox.textsTo(user.email().value()).stream().anyMatch(text -> text.contains(key)));

		MvcTestResult early = put(BASE + "/current/password", "{\"password\":\"Brujula9Norte\",\"confirmation\":\"Brujula9Norte\"}", token);
		assertThat(early.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(early).get("step").asString()).isEqualTo("ONE_TIME_KEY");

		MvcTestResult wrongKey = post(BASE + "/current/one-time-key/verification",
				"{\"key\":\"" + CorporateRecoveryPagesTests.wrong(key) + "\"}", token);
		assertThat(wrongKey.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrongKey.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(json(wrongKey).get("code").asString()).isEqualTo("corporate.recovery.key.wrong");

		MvcTestResult cooling = post(BASE + "/current/one-time-key", "", token);
		assertThat(cooling.getResponse().getStatus()).isEqualTo(429);
		assertThat(cooling.getResponse().getHeader("Retry-After")).isNotBlank();

		MvcTestResult accepted = post(BASE + "/current/one-time-key/verification", "{\"key\":\"" + key + "\"}", token);
		assertThat(accepted.getResponse().getStatus()).as(text(accepted)).isEqualTo(200);
		assertThat(json(accepted).get("step").asString()).isEqualTo("NEW_PASSWORD");
		assertThat(json(accepted).get("username").asString()).isEqualTo(username);

		MvcTestResult weak = put(BASE + "/current/password",
				"{\"password\":\"" + TestCompanies.PASSWORD + "\",\"confirmation\":\"" + TestCompanies.PASSWORD + "\"}",
				token);
		assertThat(weak.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(weak).get("errors").findValuesAsString("code"))
			.contains("corporate.credentials.rule.password-recently-used");

		MvcTestResult done = put(BASE + "/current/password",
				"{\"password\":\"Brujula9Norte\",\"confirmation\":\"Brujula9Norte\"}", token);
		assertThat(done.getResponse().getStatus()).as(text(done)).isEqualTo(200);
		assertThat(json(done).get("step").asString()).isEqualTo("COMPLETED");
		assertThat(this.encoder.matches("Brujula9Norte", this.users.passwordHash(admin))).isTrue();
		assertThat(this.encoder.matches(TestCompanies.PASSWORD, this.users.passwordHash(admin))).isFalse();

		this.clock.advance(Duration.ofMinutes(6));
		MvcTestResult over = get(BASE + "/current", token);
		assertThat(over.getResponse().getStatus()).isEqualTo(410);
		assertThat(json(over).get("code").asString()).isEqualTo("corporate.recovery.completed");
		assertThat(this.audit.forSubject("company-user:" + admin, 50)).extracting(RecordedAuditEvent::type)
			.contains("CORPORATE_RECOVERY_START", "CORPORATE_RECOVERY_KEY", "CORPORATE_RECOVERY_DONE");
	}

	@Test
	void aRucAndNumberThatNameNobodyStartAlikeAndEveryKeyIsWrong() {
		MvcTestResult started = post(BASE, "{\"ruc\":\"" + TestCompanies.newRuc() + "\",\"documentNumber\":\""
				+ TestPeople.newCedula().value() + "\"}", null);
		assertThat(started.getResponse().getStatus()).isEqualTo(201);
		JsonNode body = json(started);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("token", "step", "keyExpiresAt", "nextKeyAt",
				"expiresAt");
		assertThat(body.get("keyExpiresAt").isNull()).isFalse();
		MvcTestResult wrong = post(BASE + "/current/one-time-key/verification", "{\"key\":\"123456\"}",
				body.get("token").asString());
		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(wrong).get("code").asString()).isEqualTo("corporate.recovery.key.wrong");
	}

	@Test
	void badRequestsAreProblems() {
		MvcTestResult fields = post(BASE, "{\"ruc\":\"123\",\"documentNumber\":\"1234567890\"}", null);
		assertThat(fields.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(fields).get("code").asString()).isEqualTo("form.errors");
		assertThat(json(fields).get("errors").findValuesAsString("code")).contains("corporate.recovery.ruc.invalid",
				"corporate.recovery.cedula.invalid");

		MvcTestResult english = this.mvc.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"ruc\":\"123\",\"documentNumber\":\"P1\"}")
			.exchange();
		assertThat(text(english)).contains("Enter a valid RUC: 13 digits.")
			.contains("Enter your ID card number (10 digits) or your passport number");

		MvcTestResult missing = this.mvc.get().uri(BASE + "/current").exchange();
		assertThat(missing.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(missing).get("code").asString()).isEqualTo("corporate.recovery.api.token.missing");

		MvcTestResult unknown = get(BASE + "/current", "no-such-token");
		assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
		assertThat(json(unknown).get("code").asString()).isEqualTo("corporate.recovery.not-found");

		MvcTestResult garbage = post(BASE, "{not json", null);
		assertThat(garbage.getResponse().getStatus()).isEqualTo(400);
		assertThat(garbage.getResponse().getContentType()).startsWith("application/problem+json");

		MvcTestResult xml = this.mvc.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_XML)
			.content("<ruc/>")
			.exchange();
		assertThat(xml.getResponse().getStatus()).isEqualTo(415);
		assertThat(xml.getResponse().getContentType()).startsWith("application/problem+json");

		MvcTestResult cancelled = post(BASE, "{\"ruc\":\"" + TestCompanies.newRuc() + "\",\"documentNumber\":\""
				+ TestPeople.newCedula().value() + "\"}", null);
		String token = json(cancelled).get("token").asString();
		assertThat(this.mvc.delete().uri(BASE + "/current").header(TOKEN, token).exchange().getResponse().getStatus())
			.isEqualTo(204);
		assertThat(get(BASE + "/current", token).getResponse().getStatus()).isEqualTo(410);
	}

	@Test
	void isDocumentedInOpenApi() {
		MvcTestResult docs = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(docs.getResponse().getStatus()).isEqualTo(200);
		assertThat(json(docs).get("paths").propertyNames()).contains(BASE, BASE + "/current",
				BASE + "/current/one-time-key", BASE + "/current/one-time-key/verification",
				BASE + "/current/password");
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private MvcTestResult post(String uri, String body, String token) {
		var request = this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
		return (token == null ? request : request.header(TOKEN, token)).exchange();
	}

	private MvcTestResult put(String uri, String body, String token) {
		return this.mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).header(TOKEN, token)
			.exchange();
	}

	private MvcTestResult get(String uri, String token) {
		return this.mvc.get().uri(uri).header(TOKEN, token).exchange();
	}

	private static JsonNode json(MvcTestResult result) {
		return JSON.readTree(text(result));
	}

	private static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
