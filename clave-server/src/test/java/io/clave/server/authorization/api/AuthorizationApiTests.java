package io.clave.server.authorization.api;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.clave.otp.Base32;
import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.support.ApiSession;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.SmsGatewayStub.Sms;
import io.clave.server.support.TestTokens;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.clave.server.support.ApiSession.json;
import static io.clave.server.support.ApiSession.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The authorisation API as the bank's other channels use it (here a cardless cash withdrawal): open an
 * authorisation for an amount and a destination, verify the customer's code bound to them, and consume the
 * single-use reference once.
 */
class AuthorizationApiTests extends IntegrationTest {

	private static final String AUTHORIZATIONS = "/api/v1/me/authorizations";

	private static final String PHONE = "0991234567";

	private static final String WITHDRAWAL = operation("CARDLESS_WITHDRAWAL", "40.00", PHONE);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Test
	void answers401WithoutASession() {
		MvcTestResult start = this.mvc.post()
			.uri(AUTHORIZATIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.content(WITHDRAWAL)
			.exchange();
		assertThat(start).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(start.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(this.mvc.post()
			.uri(AUTHORIZATIONS + "/consumption")
			.header("X-Auth-Token", "not-a-session")
			.contentType(MediaType.APPLICATION_JSON)
			.content(consumption("AUT-X", WITHDRAWAL))
			.exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void authorizesACardlessWithdrawalWithAnSmsKeyAndTheReferenceIsConsumedOnce() {
		Enrolled customer = this.users.enrolled();
		ApiSession session = ApiSession.signIn(this.mvc, customer);
		String mobile = customer.person().mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();

		MvcTestResult started = session.post(AUTHORIZATIONS, WITHDRAWAL);
		assertThat(started).as(text(started)).hasStatus(HttpStatus.CREATED);
		JsonNode authorization = json(started);
		String id = authorization.get("id").asString();
		assertThat(authorization.get("method").asString()).isEqualTo("SMS_KEY");
		assertThat(authorization.get("operation").asString()).isEqualTo("CARDLESS_WITHDRAWAL");
		assertThat(authorization.get("amount").asString()).isEqualTo("40.00");
		assertThat(authorization.get("currency").asString()).isEqualTo("USD");
		assertThat(authorization.get("destination").asString()).isEqualTo(PHONE);
		assertThat(authorization.get("nextKeyAt").isNull()).isFalse();

		String key = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(mobile, smsBefore, 6).orElse(null), code -> code != null);
		Sms message = SMS.receivedBy(mobile).get(smsBefore);
		assertThat(message.text()).contains("retiro sin tarjeta de $40.00 para el celular ******4567", key)
			.doesNotContain(PHONE, "transferencia");

		String wrongKey = key.equals("000000") ? "111111" : "000000";
		MvcTestResult wrong = session.post(AUTHORIZATIONS + "/" + id + "/verification", code(wrongKey));
		assertProblem(wrong, HttpStatus.UNPROCESSABLE_CONTENT, "authorization.api.code-wrong");
		assertThat(json(wrong).get("attemptsLeft").asInt()).isEqualTo(2);

		MvcTestResult verified = session.post(AUTHORIZATIONS + "/" + id + "/verification", code(key));
		assertThat(verified).as(text(verified)).hasStatus(HttpStatus.OK);
		assertThat(json(verified).get("state").asString()).isEqualTo("AUTHORIZED");
		String reference = json(verified).get("reference").asString();
		assertThat(reference).startsWith("AUT-").hasSizeGreaterThan(20);

		assertProblem(session.post(AUTHORIZATIONS + "/" + id + "/verification", code(key)), HttpStatus.CONFLICT,
				"authorization.api.over");

		// a reference binds the operation it authorised: another amount, destination or kind is refused, and
		// trying does not use it up
		assertProblem(session.post(AUTHORIZATIONS + "/consumption",
				consumption(reference, operation("CARDLESS_WITHDRAWAL", "41.00", PHONE))), HttpStatus.CONFLICT,
				"authorization.api.not-consumable");
		assertProblem(session.post(AUTHORIZATIONS + "/consumption",
				consumption(reference, operation("CARDLESS_WITHDRAWAL", "40.00", "0997654321"))),
				HttpStatus.CONFLICT, "authorization.api.not-consumable");
		assertProblem(session.post(AUTHORIZATIONS + "/consumption",
				consumption(reference, operation("PAYMENT", "40.00", PHONE))), HttpStatus.CONFLICT,
				"authorization.api.not-consumable");
		ApiSession stranger = ApiSession.signIn(this.mvc, this.users.enrolled());
		assertProblem(stranger.post(AUTHORIZATIONS + "/consumption", consumption(reference, WITHDRAWAL)),
				HttpStatus.CONFLICT, "authorization.api.not-consumable");

		MvcTestResult consumed = session.post(AUTHORIZATIONS + "/consumption", consumption(reference, WITHDRAWAL));
		assertThat(consumed).as(text(consumed)).hasStatus(HttpStatus.OK);
		assertThat(json(consumed).get("id").asString()).isEqualTo(id);
		assertThat(json(consumed).get("state").asString()).isEqualTo("CONSUMED");

		assertProblem(session.post(AUTHORIZATIONS + "/consumption", consumption(reference, WITHDRAWAL)),
				HttpStatus.CONFLICT, "authorization.api.not-consumable");
		assertThat(this.jdbc.sql("SELECT state FROM operation_authorizations WHERE id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("CONSUMED");

		assertThat(auditTypes(customer, Outcome.SUCCESS)).contains("AUTHORIZATION_START", "AUTHORIZATION",
				"AUTHORIZATION_CONSUMED");
		assertAuditHoldsNone(customer, key, wrongKey, reference);
	}

	@Test
	void authorizesWithTheTokenSigningCodeBoundToAmountAndDestinationAndRefusesItsReplay() {
		Enrolled customer = this.users.enrolled();
		ApiSession session = ApiSession.signIn(this.mvc, customer);
		byte[] seed = this.tokens.activate(customer);
		String mobile = customer.person().mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();

		MvcTestResult started = session.post(AUTHORIZATIONS, WITHDRAWAL);
		assertThat(started).as(text(started)).hasStatus(HttpStatus.CREATED);
		assertThat(json(started).get("method").asString()).isEqualTo("SOFT_TOKEN");
		assertThat(json(started).get("nextKeyAt").isNull()).isTrue();
		String first = json(started).get("id").asString();

		String signingCode = this.tokens.signAt(seed, "40.00", PHONE, 0);
		MvcTestResult verified = session.post(AUTHORIZATIONS + "/" + first + "/verification", code(signingCode));
		assertThat(verified).as(text(verified)).hasStatus(HttpStatus.OK);
		assertThat(json(verified).get("state").asString()).isEqualTo("AUTHORIZED");
		String reference = json(verified).get("reference").asString();

		String second = json(session.post(AUTHORIZATIONS, WITHDRAWAL)).get("id").asString();
		MvcTestResult replayed = session.post(AUTHORIZATIONS + "/" + second + "/verification", code(signingCode));
		assertProblem(replayed, HttpStatus.UNPROCESSABLE_CONTENT, "authorization.api.replayed");
		assertThat(json(replayed).get("attemptsLeft").asInt()).isEqualTo(2);

		String forAnotherAmount = this.tokens.signAt(seed, "41.00", PHONE, 0);
		MvcTestResult wrongAmount = session.post(AUTHORIZATIONS + "/" + second + "/verification",
				code(forAnotherAmount));
		assertProblem(wrongAmount, HttpStatus.UNPROCESSABLE_CONTENT, "authorization.api.code-wrong");
		assertThat(json(wrongAmount).get("attemptsLeft").asInt()).isEqualTo(1);

		String forAnotherPhone = this.tokens.signAt(seed, "40.00", "0997654321", 0);
		assertThat(session.post(AUTHORIZATIONS + "/" + second + "/verification", code(forAnotherPhone)))
			.as("the third wrong code refuses the authorisation")
			.hasStatus(HttpStatus.GONE);
		String fresh = this.tokens.signAt(seed, "40.00", PHONE, 60);
		assertProblem(session.post(AUTHORIZATIONS + "/" + second + "/verification", code(fresh)), HttpStatus.GONE,
				"authorization.api.over");

		MvcTestResult consumed = session.post(AUTHORIZATIONS + "/consumption", consumption(reference, WITHDRAWAL));
		assertThat(consumed).as(text(consumed)).hasStatus(HttpStatus.OK);
		assertThat(json(consumed).get("id").asString()).isEqualTo(first);
		assertThat(SMS.receivedBy(mobile)).as("nothing is sent to a customer who signs with the token")
			.hasSize(smsBefore);

		assertThat(auditTypes(customer, Outcome.FAILURE)).contains("AUTHORIZATION", "TOKEN_SIGNATURE");
		assertAuditHoldsNone(customer, signingCode, forAnotherAmount, forAnotherPhone, reference,
				Base32.encodeWithoutPadding(seed), HexFormat.of().formatHex(seed));
	}

	@Test
	void refusesABadOperationWith422AndWritesNothing() {
		Enrolled customer = this.users.enrolled();
		ApiSession session = ApiSession.signIn(this.mvc, customer);

		for (String body : List.of(operation("LOAN", "40.00", PHONE), operation("cardless_withdrawal", "40.00", PHONE),
				operation("CARDLESS_WITHDRAWAL", "abc", PHONE), operation("CARDLESS_WITHDRAWAL", "0", PHONE),
				operation("CARDLESS_WITHDRAWAL", "-5", PHONE), operation("CARDLESS_WITHDRAWAL", "1.234", PHONE),
				operation("CARDLESS_WITHDRAWAL", "40.00", "099-123"),
				operation("CARDLESS_WITHDRAWAL", "40.00", "123456789012345678901"),
				operation("CARDLESS_WITHDRAWAL", "40.00", ""),
				"{\"operation\":\"CARDLESS_WITHDRAWAL\",\"amount\":\"40.00\",\"currency\":\"usd\","
						+ "\"destination\":\"" + PHONE + "\"}",
				"{}")) {
			assertProblem(session.post(AUTHORIZATIONS, body), HttpStatus.UNPROCESSABLE_CONTENT,
					"authorization.api.operation");
		}
		assertProblem(session.post(AUTHORIZATIONS + "/consumption", "{\"reference\":null,\"operation\":"
				+ "\"CARDLESS_WITHDRAWAL\",\"amount\":\"40.00\",\"destination\":\"" + PHONE + "\"}"),
				HttpStatus.UNPROCESSABLE_CONTENT, "authorization.api.operation");
		assertThat(this.jdbc.sql("SELECT count(*) FROM operation_authorizations WHERE user_id = ?")
			.param(customer.userId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void answersProblemsInTheRequestedLanguageNeverA500() {
		Enrolled customer = this.users.enrolled();
		ApiSession session = ApiSession.signIn(this.mvc, customer);

		assertProblem(session.post(AUTHORIZATIONS, "{not json"), HttpStatus.BAD_REQUEST, "api.body.unreadable");
		MvcTestResult english = session.inEnglish().post(AUTHORIZATIONS, "operation=LOAN");
		assertProblem(english, HttpStatus.BAD_REQUEST, "api.body.unreadable");
		assertThat(json(english).get("detail").asString())
			.isEqualTo("The request body is not valid JSON for this operation.");
		MvcTestResult badOperation = session.inEnglish().post(AUTHORIZATIONS, "{}");
		assertProblem(badOperation, HttpStatus.UNPROCESSABLE_CONTENT, "authorization.api.operation");
		assertThat(badOperation.getResponse().getHeader("Content-Language")).isEqualTo("en");

		assertProblem(session.post(AUTHORIZATIONS + "/" + UUID.randomUUID() + "/verification", code("123456")),
				HttpStatus.GONE, "authorization.api.over");
		assertProblem(session.post(AUTHORIZATIONS + "/" + UUID.randomUUID() + "/verification", code("12ab")),
				HttpStatus.UNPROCESSABLE_CONTENT, "authorization.api.code-wrong");
		assertProblem(session.post(AUTHORIZATIONS + "/not-a-uuid/verification", code("123456")),
				HttpStatus.BAD_REQUEST, "api.request.invalid");
		assertProblem(session.post(AUTHORIZATIONS + "/consumption", "[]"), HttpStatus.BAD_REQUEST,
				"api.body.unreadable");
	}

	@Test
	void anotherCustomersAuthorizationIsOverForThem() {
		Enrolled customer = this.users.enrolled();
		ApiSession session = ApiSession.signIn(this.mvc, customer);
		String mobile = customer.person().mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();
		String id = json(session.post(AUTHORIZATIONS, WITHDRAWAL)).get("id").asString();
		String key = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(mobile, smsBefore, 6).orElse(null), code -> code != null);

		ApiSession stranger = ApiSession.signIn(this.mvc, this.users.enrolled());
		assertProblem(stranger.post(AUTHORIZATIONS + "/" + id + "/verification", code(key)), HttpStatus.GONE,
				"authorization.api.over");

		assertThat(session.post(AUTHORIZATIONS + "/" + id + "/verification", code(key))).hasStatus(HttpStatus.OK);
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private List<String> auditTypes(Enrolled customer, Outcome outcome) {
		return this.audit.forSubject(customer.subject(), 100)
			.stream()
			.filter(event -> event.outcome() == outcome)
			.map(RecordedAuditEvent::type)
			.toList();
	}

	/** No secret in the audit trail: neither in the customer's events nor, for long ones, anywhere in the table. */
	private void assertAuditHoldsNone(Enrolled customer, String... secrets) {
		List<String> details = this.jdbc.sql("SELECT details::text FROM audit_events WHERE subject = ?")
			.param(customer.subject())
			.query(String.class)
			.list();
		assertThat(details).isNotEmpty();
		for (String secret : secrets) {
			assertThat(details).noneMatch(text -> text.contains(secret));
			if (secret.length() > 8) {
				assertThat(this.jdbc.sql("SELECT count(*) FROM audit_events WHERE strpos(details::text, ?) > 0")
					.param(secret)
					.query(Long.class)
					.single()).isZero();
			}
		}
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
		assertThat(result).as(text(result)).hasStatus(status);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = json(result);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("type").asString()).isEqualTo("urn:clave:problem:" + code);
		assertThat(problem.get("detail").asString()).isNotBlank().isNotEqualTo(code);
		assertThat(text(result)).doesNotContain("Exception").doesNotContain("org.springframework");
	}

	private static String operation(String kind, String amount, String destination) {
		return """
				{"operation":"%s","amount":"%s","destination":"%s"}""".formatted(kind, amount, destination);
	}

	private static String consumption(String reference, String operation) {
		return "{\"reference\":\"" + reference + "\"," + operation.substring(1);
	}

	private static String code(String code) {
		return "{\"code\":\"" + code + "\"}";
	}

}
