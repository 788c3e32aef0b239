package io.clave.server.banking.api;

import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.clave.server.audit.Outcome;
import io.clave.server.banking.BankingTest;
import io.clave.server.identity.Passwords;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The signed-in JSON API as the mobile app uses it: the session in X-Auth-Token, problems on refusal. */
class MeApiTests extends BankingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Passwords passwords;

	/** The app's session, as the X-Auth-Token header carries it. */
	private @Nullable String token;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/me", "/api/v1/me/accounts", "/api/v1/me/accounts/1/movements",
			"/api/v1/me/cards", "/api/v1/me/profile" })
	void answersNoDataWithoutASession(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(text(result)).doesNotContain("firstNames").doesNotContain("balance").doesNotContain("maskedNumber");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/me", "/api/v1/me/accounts", "/api/v1/me/accounts/1/movements",
			"/api/v1/me/cards", "/api/v1/me/profile" })
	void answers401WithoutASession(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
	}

	@Test
	void answersWhoIsSignedInWithThePreviousLogin() {
		Enrolled customer = enrolled();
		loggedInAt(customer, Instant.parse("2026-01-10T15:04:00Z"), "190.152.10.20");
		loggedInAt(customer, this.clock.instant(), "181.39.1.1");

		JsonNode me = json(get(customer, "/api/v1/me"));

		assertThat(me.get("firstNames").asString()).isEqualTo("Rosa Elvira");
		assertThat(me.get("username").asString()).isEqualTo(customer.username());
		assertThat(me.get("previousLogin").get("ipAddress").asString()).isEqualTo("190.152.10.20");
		assertThat(me.get("previousLogin").get("at").asString()).isEqualTo("2026-01-10T15:04:00Z");
	}

	@Test
	void listsTheAccountsAndTheMovementsOfOwnAccountsOnly() {
		Enrolled customer = enrolled();
		Enrolled stranger = enrolled();
		long account = this.customers.accountIdOf(customer.person());
		this.customers.addMovement(account, this.clock.instant(), "Pago tarjeta", new BigDecimal("-40.5"),
				new BigDecimal("10.00"));

		JsonNode accounts = json(get(customer, "/api/v1/me/accounts"));
		assertThat(accounts).hasSize(1);
		assertThat(accounts.get(0).get("id").asLong()).isEqualTo(account);
		assertThat(accounts.get(0).get("kind").asString()).isEqualTo("SAVINGS");
		assertThat(accounts.get(0).get("balance").get("amount").asString()).isEqualTo("10.00");
		assertThat(accounts.get(0).get("balance").get("currency").asString()).isEqualTo("USD");
		assertThat(accounts.get(0).get("maskedNumber").asString()).startsWith("******");

		JsonNode statement = json(get(customer, "/api/v1/me/accounts/" + account + "/movements"));
		assertThat(statement.get("movements")).hasSize(1);
		assertThat(statement.get("movements").get(0).get("amount").get("amount").asString()).isEqualTo("-40.50");
		assertThat(statement.get("movements").get(0).get("description").asString()).isEqualTo("Pago tarjeta");

		long theirs = this.customers.accountIdOf(stranger.person());
		MvcTestResult other = get(customer, "/api/v1/me/accounts/" + theirs + "/movements");
		assertThat(other).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(json(other).get("code").asString()).isEqualTo("banking.api.account.not-found");
		assertThat(get(customer, "/api/v1/me/accounts/abc/movements")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get(customer, "/api/v1/me/accounts/" + account + "/movements?limit=0"))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void listsTheCardsWithCreditBalancesAsDecimalStrings() {
		Enrolled customer = enrolled();
		String lastFour = this.customers.addCreditCard(customer.person(), new BigDecimal("3000"),
				new BigDecimal("1200.5"), new BigDecimal("85"), LocalDate.of(2031, 7, 15));

		JsonNode cards = json(get(customer, "/api/v1/me/cards"));

		assertThat(cards).hasSize(2);
		JsonNode credit = cards.get(0);
		assertThat(credit.get("kind").asString()).isEqualTo("CREDIT");
		assertThat(credit.get("maskedNumber").asString()).isEqualTo("**** **** **** " + lastFour);
		assertThat(credit.get("credit").get("owed").get("amount").asString()).isEqualTo("1200.50");
		assertThat(credit.get("credit").get("available").get("amount").asString()).isEqualTo("1799.50");
		assertThat(credit.get("credit").get("paymentDueDate").asString()).isEqualTo("2031-07-15");
		assertThat(cards.get(1).get("kind").asString()).isEqualTo("DEBIT");
		assertThat(cards.get(1).get("credit").isNull()).isTrue();
		assertThat(cards.toString()).doesNotContain(customer.person().cardNumber());
	}

	@Test
	void changesThePasswordInTwoCalls() throws Exception {
		Enrolled customer = enrolled();
		String mobile = customer.person().mobile().e164();

		MvcTestResult started = post(customer, "/api/v1/me/profile/password", """
				{"currentPassword":"%s","newPassword":"Cotopaxi59Nieve","confirmation":"Cotopaxi59Nieve"}"""
			.formatted(PASSWORD));
		assertThat(started).hasStatus(HttpStatus.ACCEPTED);
		String challengeId = json(started).get("challengeId").asString();
		String key = await().atMost(Duration.ofSeconds(10)).until(() -> SMS.lastCode(mobile, 6).orElse(null),
				code -> code != null);

		MvcTestResult unknown = post(customer, "/api/v1/me/profile/password/confirmation",
				"{\"challengeId\":\"00000000-0000-0000-0000-000000000000\",\"code\":\"" + key + "\"}");
		assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);

		String wrong = key.equals("000000") ? "111111" : "000000";
		MvcTestResult refused = post(customer, "/api/v1/me/profile/password/confirmation",
				"{\"challengeId\":\"" + challengeId + "\",\"code\":\"" + wrong + "\"}");
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json(refused).get("code").asString()).isEqualTo("profile.key.wrong");

		MvcTestResult confirmed = exchange(this.mvc.post()
			.uri("/api/v1/me/profile/password/confirmation")
			.with(signedIn(customer))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"challengeId\":\"" + challengeId + "\",\"code\":\"" + key + "\"}"));
		assertThat(confirmed).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.passwords.matches(customer.userId(), "Cotopaxi59Nieve")).isTrue();
		assertThat(auditTypes(customer, Outcome.SUCCESS)).contains("PASSWORD_CHANGE");
		await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(customer.person().email().value()).isEmpty());
		MimeMessage notice = mailsTo(customer.person().email().value()).get(0);
		assertThat(notice.getSubject()).startsWith("Password change in your");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(mobile).stream().anyMatch(sms -> sms.text().contains("password was changed")));
	}

	@Test
	void refusesAWrongCurrentPasswordWith422AndALockedAccountWith423() {
		Enrolled customer = enrolled();
		String body = """
				{"currentPassword":"Otra1234Clave","newPassword":"Cotopaxi59Nieve","confirmation":"Cotopaxi59Nieve"}""";

		MvcTestResult wrong = post(customer, "/api/v1/me/profile/password", body);
		assertThat(wrong).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json(wrong).get("code").asString()).isEqualTo("profile.password.current-wrong");

		this.jdbc.sql("UPDATE users SET failed_attempts = 4 WHERE id = ?").param(customer.userId()).update();
		MvcTestResult locked = post(customer, "/api/v1/me/profile/password", body);
		assertThat(locked).hasStatus(HttpStatus.LOCKED);
		assertThat(json(locked).get("code").asString()).isEqualTo("profile.locked");
	}

	@Test
	void refusesAPolicyBreakingPasswordWith400AndTheRule() {
		Enrolled customer = enrolled();

		MvcTestResult refused = post(customer, "/api/v1/me/profile/password", """
				{"currentPassword":"%s","newPassword":"%s","confirmation":"%s"}""".formatted(PASSWORD, PASSWORD,
				PASSWORD));

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		JsonNode problem = json(refused);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("password.rule.recently_used");
	}

	@Test
	void changesPhonesImageAndQuestionsAndAnswersProblemsInEnglish() {
		Enrolled customer = enrolled();

		assertThat(put(customer, "/api/v1/me/profile/phones", "{\"homePhone\":\"022345678\",\"workPhone\":\"042345678\"}"))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(put(customer, "/api/v1/me/profile/security-image", "{\"image\":\"16-condor\",\"phrase\":null}"))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(put(customer, "/api/v1/me/profile/challenge-questions", """
				{"question1":"q04","answer1":"Encebollado","question2":"q05","answer2":"Sucre",
				 "question3":"q06","answer3":"Guayaquil"}""")).hasStatus(HttpStatus.NO_CONTENT);
		JsonNode profile = json(get(customer, "/api/v1/me/profile"));
		assertThat(profile.get("homePhone").asString()).isEqualTo("022345678");
		assertThat(profile.get("securityImage").asString()).isEqualTo("16-condor");
		assertThat(profile.get("challengeQuestions").toString()).contains("q04", "q05", "q06");

		MvcTestResult refused = this.mvc.put()
			.uri("/api/v1/me/profile/phones")
			.with(signedIn(customer))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"homePhone\":\"123\",\"workPhone\":\"042345678\"}")
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		JsonNode problem = json(refused);
		assertThat(problem.get("code").asString()).isEqualTo("form.errors");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("homePhone");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("Ecuadorian");
	}

	@Test
	void everyCallIsDocumented() {
		MvcTestResult docs = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(docs).hasStatusOk();
		assertThat(text(docs)).contains("Online banking (signed in)", "/api/v1/me/accounts/{accountId}/movements",
				"/api/v1/me/cards", "/api/v1/me/profile/password", "/api/v1/me/profile/password/confirmation",
				"/api/v1/me/profile/phones", "MoneyResponse");
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private MvcTestResult get(Enrolled customer, String uri) {
		return exchange(this.mvc.get().uri(uri).with(signedIn(customer)));
	}

	private MvcTestResult post(Enrolled customer, String uri, String body) {
		return exchange(this.mvc.post()
			.uri(uri)
			.with(signedIn(customer))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private MvcTestResult put(Enrolled customer, String uri, String body) {
		return exchange(this.mvc.put()
			.uri(uri)
			.with(signedIn(customer))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private MvcTestResult exchange(MockMvcRequestBuilder request) {
		if (this.token != null) {
			request = request.header("X-Auth-Token", this.token);
		}
		MvcTestResult result = request.exchange();
		String issued = result.getResponse().getHeader("X-Auth-Token");
		if (issued != null) {
			this.token = issued.isEmpty() ? null : issued;
		}
		return result;
	}

	private static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(MvcTestResult result) {
		try {
			return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
