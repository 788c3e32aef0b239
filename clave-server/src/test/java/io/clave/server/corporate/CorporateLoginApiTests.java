package io.clave.server.corporate;

import java.math.BigDecimal;
import java.time.Duration;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corebanking.CorporateAccounts;
import io.clave.server.support.ApiSession;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.TestCompanies;
import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.clave.server.support.ApiSession.json;
import static io.clave.server.support.ApiSession.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The corporate login and portal as JSON, end to end, with RFC 9457 problems for every refusal. */
class CorporateLoginApiTests extends IntegrationTest {

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

	@Test
	void theFirstLoginThenTheDefinitiveCredentialsThenTheLoginAndThePortal() {
		Affiliated company = this.companies.affiliate(ProfileSet.MERCHANT);
		this.core.addSale(company.ruc(), java.time.Instant.now().minus(Duration.ofHours(1)), "Visa", "4455",
				new BigDecimal("42.00"), "778899");

		// temporary credentials, then the clave temporal
		int smsBefore = SMS.receivedBy(company.mobile().e164()).size();
		MvcTestResult started = post("/api/v1/corporate/logins", null, "{\"username\":\"" + company.temporaryUsername()
				+ "\",\"password\":\"" + company.temporaryPassword() + "\"}");
		assertThat(started.getResponse().getStatus()).as(text(started)).isEqualTo(201);
		assertThat(json(started).get("next").asString()).isEqualTo("KEY");
		assertThat(json(started).get("maskedEmail").asString()).isEqualTo(company.email().masked());
		String loginToken = json(started).get("loginToken").asString();
		MvcTestResult credentialsNext = post("/api/v1/corporate/logins/key", loginToken,
				"{\"code\":\"" + key(company, smsBefore) + "\"}");
		assertThat(json(credentialsNext).get("next").asString()).as(text(credentialsNext)).isEqualTo("CREDENTIALS");

		// the rules, as problems naming the fields
		MvcTestResult refused = post("/api/v1/corporate/logins/credentials", loginToken,
				"{\"username\":\"rosa.elvira1\",\"password\":\"Password1\",\"confirmation\":\"Password1\"}");
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode errors = json(refused).get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactly("password", "username");
		assertThat(errors.findValuesAsString("code")).containsExactly("corporate.credentials.rule.password-common",
				"corporate.credentials.rule.username-personal-data");

		String username = "api." + CorporateLoginPagesTests.letters(7);
		MvcTestResult created = post("/api/v1/corporate/logins/credentials", loginToken, "{\"username\":\"" + username
				+ "\",\"password\":\"" + TestCompanies.PASSWORD + "\",\"confirmation\":\"" + TestCompanies.PASSWORD
				+ "\"}");
		assertThat(json(created).get("next").asString()).as(text(created)).isEqualTo("LOGIN");
		assertThat(post("/api/v1/corporate/logins/credentials", loginToken, "{}").getResponse().getStatus())
			.isEqualTo(410);

		// logged in with the definitive credentials: one profile, straight to it
		smsBefore = SMS.receivedBy(company.mobile().e164()).size();
		MvcTestResult again = post("/api/v1/corporate/logins", null,
				"{\"username\":\"" + username + "\",\"password\":\"" + TestCompanies.PASSWORD + "\"}");
		assertThat(again.getResponse().getStatus()).as(text(again)).isEqualTo(201);
		loginToken = json(again).get("loginToken").asString();
		assertThat(post("/api/v1/corporate/logins/key", loginToken, "{\"code\":\"12\"}").getResponse().getStatus())
			.isEqualTo(400);
		MvcTestResult signedIn = post("/api/v1/corporate/logins/key", loginToken,
				"{\"code\":\"" + key(company, smsBefore) + "\"}");
		assertThat(signedIn.getResponse().getStatus()).as(text(signedIn)).isEqualTo(200);
		assertThat(json(signedIn).get("next").asString()).isEqualTo("PORTAL");
		assertThat(json(signedIn).get("profile").asString()).isEqualTo("MERCHANT");
		String session = json(signedIn).get("sessionToken").asString();

		MvcTestResult me = get("/api/v1/corporate/me", session);
		assertThat(me).hasStatusOk();
		assertThat(json(me).get("companyName").asString()).isEqualTo("Empresa de Prueba S.A.");
		assertThat(json(me).get("profile").asString()).isEqualTo("MERCHANT");
		MvcTestResult sales = get("/api/v1/corporate/me/sales", session);
		assertThat(sales).hasStatusOk();
		assertThat(json(sales).findValuesAsString("authorizationCode")).contains("778899");
		assertThat(get("/api/v1/corporate/me/settlements", session)).hasStatusOk();

		// another profile's data, or a profile outside the user's: 403 problems
		MvcTestResult cards = get("/api/v1/corporate/me/cards", session);
		assertThat(cards.getResponse().getStatus()).isEqualTo(403);
		assertThat(json(cards).get("code").asString()).isEqualTo("corporate.portal.profile.required");
		MvcTestResult switched = this.mvc.put()
			.uri("/api/v1/corporate/me/profile")
			.header("X-Auth-Token", session)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"profile\":\"CORPORATE\"}")
			.exchange();
		assertThat(switched.getResponse().getStatus()).isEqualTo(403);
		assertThat(json(switched).get("code").asString()).isEqualTo("corporate.portal.profile.not-allowed");

		// a company user's session is no customer's
		assertThat(get("/api/v1/me/session", session).getResponse().getStatus()).isEqualTo(403);

		assertThat(this.audit.forSubject("company-user:" + company.administratorId(), 100))
			.extracting(RecordedAuditEvent::type)
			.contains("CORPORATE_CREDENTIALS_CREATED", "CORPORATE_LOGIN");

		assertThat(this.mvc.delete().uri("/api/v1/corporate/me/session").header("X-Auth-Token", session).exchange()
			.getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(get("/api/v1/corporate/me", session).getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void aCompanyWithBothProfilesChoosesOneThroughTheApi() {
		Affiliated company = this.companies.affiliate(ProfileSet.BOTH);
		String username = this.companies.withDefinitiveCredentials(company.administratorId());
		this.core.addCard(company.ruc(), "8080", "ROSA QUISHPE", new BigDecimal("5000.00"), new BigDecimal("100.00"));
		int smsBefore = SMS.receivedBy(company.mobile().e164()).size();
		String loginToken = json(post("/api/v1/corporate/logins", null, "{\"username\":\"" + username
				+ "\",\"password\":\"" + TestCompanies.PASSWORD + "\"}")).get("loginToken").asString();
		MvcTestResult signedIn = post("/api/v1/corporate/logins/key", loginToken,
				"{\"code\":\"" + key(company, smsBefore) + "\"}");
		assertThat(json(signedIn).get("next").asString()).as(text(signedIn)).isEqualTo("PROFILE");
		assertThat(json(signedIn).get("profiles").toString()).contains("CORPORATE", "MERCHANT");
		String session = json(signedIn).get("sessionToken").asString();

		assertThat(get("/api/v1/corporate/me/cards", session).getResponse().getStatus()).isEqualTo(403);
		MvcTestResult chosen = this.mvc.put()
			.uri("/api/v1/corporate/me/profile")
			.header("X-Auth-Token", session)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"profile\":\"CORPORATE\"}")
			.exchange();
		assertThat(chosen).hasStatusOk();
		assertThat(json(chosen).get("profile").asString()).isEqualTo("CORPORATE");
		MvcTestResult cards = get("/api/v1/corporate/me/cards", session);
		assertThat(cards).hasStatusOk();
		assertThat(json(cards).findValuesAsString("lastFour")).containsExactly("8080");
		assertThat(json(cards).get(0).get("available").decimalValue()).isEqualByComparingTo("4900.00");
	}

	@Test
	void refusalsAreProblemsInTheRequestedLanguage() {
		MvcTestResult unknown = this.mvc.post()
			.uri("/api/v1/corporate/logins")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"nobody.here\",\"password\":\"Tesoro7Verde\"}")
			.exchange();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(401);
		assertThat(json(unknown).get("code").asString()).isEqualTo("corporate.login.failed");
		assertThat(json(unknown).get("detail").asString()).contains("The username or password is not correct");

		assertThat(post("/api/v1/corporate/logins", null, "{not json").getResponse().getStatus()).isEqualTo(400);
		MvcTestResult noToken = post("/api/v1/corporate/logins/key", null, "{\"code\":\"123456\"}");
		assertThat(noToken.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(noToken).get("code").asString()).isEqualTo("corporate.login.api.token-missing");
		assertThat(post("/api/v1/corporate/logins/key", "no-such-token", "{\"code\":\"123456\"}").getResponse()
			.getStatus()).isEqualTo(410);

		// without a session, and with a customer's
		assertThat(this.mvc.get().uri("/api/v1/corporate/me").exchange().getResponse().getStatus()).isEqualTo(401);
		ApiSession customer = ApiSession.signIn(this.mvc, this.customers.enrolled());
		assertThat(customer.get("/api/v1/corporate/me").getResponse().getStatus()).isEqualTo(403);
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private MvcTestResult post(String uri, String loginToken, String body) {
		var request = this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
		if (loginToken != null) {
			request = request.header("Login-Token", loginToken);
		}
		return request.exchange();
	}

	private MvcTestResult get(String uri, String session) {
		return this.mvc.get().uri(uri).header("X-Auth-Token", session).exchange();
	}

	private static String key(Affiliated company, int smsBefore) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(company.mobile().e164(), smsBefore, 6).orElse(null), code -> code != null);
	}

}
