package io.clave.server.transfer.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.clave.otp.Base32;
import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corebanking.AccountKind;
import io.clave.server.corebanking.CardState;
import io.clave.server.support.ApiSession;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.SmsGatewayStub.Sms;
import io.clave.server.support.TestCustomers;
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
 * The transfer API as the mobile app uses it: the session in X-Auth-Token (from the login API), an Idempotency-Key
 * per transfer, the code of the Token digital or of the SMS, and RFC 9457 problems when something is refused.
 */
class TransferApiTests extends IntegrationTest {

	private static final String TRANSFERS = "/api/v1/me/transfers";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	TestTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Test
	void answers401WithoutASession() {
		MvcTestResult create = this.mvc.post()
			.uri(TRANSFERS)
			.header("Idempotency-Key", newKey())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fromAccountId\":\"1\",\"toAccount\":\"2200000001\",\"amount\":\"25.00\"}")
			.exchange();
		assertThat(create).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(create.getResponse().getContentType()).startsWith("application/problem+json");

		MvcTestResult authorize = this.mvc.post()
			.uri(TRANSFERS + "/" + UUID.randomUUID() + "/authorization")
			.header("X-Auth-Token", "not-a-session")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"123456\"}")
			.exchange();
		assertThat(authorize).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri(TRANSFERS).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void asksForTheIdempotencyKeyAndWritesNothingWithoutIt() {
		Enrolled customer = this.users.enrolled();
		long from = this.customers.addAccount(customer.person(), AccountKind.CHECKING, new BigDecimal("100.00"));
		String payee = this.customers.withDebitCard(CardState.ACTIVE).accountNumber();
		ApiSession session = ApiSession.signIn(this.mvc, customer);
		Written before = written(customer, payee);
		String body = transfer(from, payee, "25.00");

		MvcTestResult missing = session.post(TRANSFERS, body);
		assertProblem(missing, HttpStatus.BAD_REQUEST, "transfer.api.idempotency-key");

		MvcTestResult malformed = session.post(TRANSFERS, body, "Idempotency-Key", "short");
		assertProblem(malformed, HttpStatus.BAD_REQUEST, "transfer.api.idempotency-key");

		assertThat(written(customer, payee)).isEqualTo(before);
	}

	@Test
	void rejectsBadFieldsWith422PerFieldAndWritesNothing() {
		Enrolled customer = this.users.enrolled();
		long from = this.customers.addAccount(customer.person(), AccountKind.CHECKING, new BigDecimal("100.00"));
		String payee = this.customers.withDebitCard(CardState.ACTIVE).accountNumber();
		ApiSession session = ApiSession.signIn(this.mvc, customer);
		String mobile = customer.person().mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();
		Written before = written(customer, payee);

		MvcTestResult notAnAmount = session.post(TRANSFERS, transfer(from, payee, "abc"), "Idempotency-Key",
				newKey());
		assertProblem(notAnAmount, HttpStatus.UNPROCESSABLE_CONTENT, "form.errors");
		assertThat(fieldCodes(notAnAmount)).containsExactly("amount=transfer.amount.format");

		MvcTestResult unknownDestination = session.post(TRANSFERS, transfer(from, "2299999999999", "25.00"),
				"Idempotency-Key", newKey());
		assertProblem(unknownDestination, HttpStatus.UNPROCESSABLE_CONTENT, "form.errors");
		assertThat(fieldCodes(unknownDestination)).containsExactly("toAccount=transfer.to.unknown");

		MvcTestResult aboveBalance = session.post(TRANSFERS, transfer(from, payee, "100.01"), "Idempotency-Key",
				newKey());
		assertProblem(aboveBalance, HttpStatus.UNPROCESSABLE_CONTENT, "form.errors");
		assertThat(fieldCodes(aboveBalance)).containsExactly("amount=transfer.amount.balance");
		assertThat(json(aboveBalance).get("errors").get(0).get("message").asString()).contains("saldo");

		MvcTestResult notMine = session.post(TRANSFERS,
				transfer(this.customers.accountIdOf(this.customers.withDebitCard(
						CardState.ACTIVE)), payee, "5.00"),
				"Idempotency-Key", newKey());
		assertProblem(notMine, HttpStatus.UNPROCESSABLE_CONTENT, "form.errors");
		assertThat(fieldCodes(notMine)).containsExactly("fromAccount=transfer.from.required");

		assertThat(written(customer, payee)).isEqualTo(before);
		assertThat(balance(from)).isEqualByComparingTo("100.00");
		assertThat(SMS.receivedBy(mobile)).hasSize(smsBefore);
	}

	@Test
	void transfersWithTheTokenDigitalSigningCodeExactlyOnce() {
		Enrolled customer = this.users.enrolled();
		long from = this.customers.addAccount(customer.person(), AccountKind.CHECKING, new BigDecimal("100.00"));
		String payee = this.customers.withDebitCard(CardState.ACTIVE).accountNumber();
		long to = accountId(payee);
		ApiSession session = ApiSession.signIn(this.mvc, customer);
		byte[] seed = this.tokens.activate(customer);
		String mobile = customer.person().mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();
		String key = newKey();

		MvcTestResult created = session.post(TRANSFERS, transfer(from, payee, "25.00"), "Idempotency-Key", key);
		assertThat(created).as(text(created)).hasStatus(HttpStatus.CREATED);
		JsonNode transfer = json(created);
		String id = transfer.get("id").asString();
		assertThat(transfer.get("state").asString()).isEqualTo("AWAITING");
		assertThat(transfer.get("authorizationMethod").asString()).isEqualTo("SOFT_TOKEN");
		assertThat(transfer.get("signingDestination").asString()).isEqualTo(payee);
		assertThat(transfer.get("amount").asString()).isEqualTo("25.00");
		assertThat(transfer.get("toAccount").asString()).isEqualTo("******" + payee.substring(6));
		assertThat(transfer.get("ownAccount").asBoolean()).isFalse();
		assertThat(transfer.get("toHolder").asString()).isEqualTo("Rosa Q.");

		MvcTestResult again = session.post(TRANSFERS, transfer(from, payee, "25.00"), "Idempotency-Key", key);
		assertThat(again).as(text(again)).hasStatus(HttpStatus.OK);
		assertThat(json(again).get("id").asString()).isEqualTo(id);

		MvcTestResult otherAmount = session.post(TRANSFERS, transfer(from, payee, "26.00"), "Idempotency-Key", key);
		assertProblem(otherAmount, HttpStatus.CONFLICT, "transfer.idempotency-key.conflict");
		assertThat(count("SELECT count(*) FROM transfers WHERE customer_id = ?", customer.person().customerId()))
			.isEqualTo(1);

		String forAnotherAmount = this.tokens.signAt(seed, "26.00", payee, 0);
		MvcTestResult wrong = session.post(TRANSFERS + "/" + id + "/authorization", code(forAnotherAmount));
		assertProblem(wrong, HttpStatus.UNPROCESSABLE_CONTENT, "transfer.code.wrong");
		assertThat(json(wrong).get("attemptsLeft").asInt()).isEqualTo(2);
		assertThat(balance(from)).isEqualByComparingTo("100.00");

		String signingCode = this.tokens.signAt(seed, "25.00", payee, 0);
		MvcTestResult done = session.post(TRANSFERS + "/" + id + "/authorization", code(signingCode));
		assertThat(done).as(text(done)).hasStatus(HttpStatus.OK);
		assertThat(json(done).get("state").asString()).isEqualTo("DONE");
		assertThat(json(done).get("fromBalance").asString()).isEqualTo("75.00");
		assertThat(json(done).get("signingDestination").isNull()).isTrue();
		assertThat(balance(from)).isEqualByComparingTo("75.00");
		assertThat(balance(to)).isEqualByComparingTo("35.00");
		assertThat(movements(from)).containsExactly(new BigDecimal("-25.00"));
		assertThat(movements(to)).containsExactly(new BigDecimal("25.00"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(mobile).stream().anyMatch(sms -> sms.text().contains("transferiste")));
		Sms notice = SMS.receivedBy(mobile).stream().filter(sms -> sms.text().contains("transferiste")).findFirst()
			.orElseThrow();
		assertThat(notice.text()).contains("$25.00", "******" + payee.substring(6)).doesNotContain(payee);
		assertThat(SMS.receivedBy(mobile).subList(smsBefore, SMS.receivedBy(mobile).size()))
			.as("no clave temporal for a customer who signs with the token")
			.allMatch(sms -> sms.text().contains("transferiste"));

		MvcTestResult resubmitted = session.post(TRANSFERS + "/" + id + "/authorization", code(signingCode));
		assertThat(resubmitted).as(text(resubmitted)).hasStatus(HttpStatus.OK);
		assertThat(json(resubmitted).get("state").asString()).isEqualTo("DONE");
		assertThat(balance(from)).isEqualByComparingTo("75.00");
		assertThat(movements(from)).hasSize(1);
		assertThat(movements(to)).hasSize(1);

		MvcTestResult one = session.get(TRANSFERS + "/" + id);
		assertThat(one).hasStatusOk();
		assertThat(json(one).get("state").asString()).isEqualTo("DONE");
		assertThat(json(session.get(TRANSFERS)).get(0).get("id").asString()).isEqualTo(id);

		assertThat(auditTypes(customer, Outcome.SUCCESS)).contains("TRANSFER_REQUEST", "TRANSFER",
				"AUTHORIZATION_START", "AUTHORIZATION", "TOKEN_SIGNATURE");
		assertAuditHoldsNone(customer, signingCode, forAnotherAmount, Base32.encodeWithoutPadding(seed),
				HexFormat.of().formatHex(seed));
	}

	@Test
	void transfersWithAnSmsKeyThatNamesAmountAndDestination() {
		Enrolled customer = this.users.enrolled();
		long from = this.customers.addAccount(customer.person(), AccountKind.CHECKING, new BigDecimal("60.00"));
		String own = customer.person().accountNumber();
		long to = accountId(own);
		ApiSession session = ApiSession.signIn(this.mvc, customer);
		String mobile = customer.person().mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();

		MvcTestResult created = session.post(TRANSFERS, transfer(from, own, "25"), "Idempotency-Key", newKey());
		assertThat(created).as(text(created)).hasStatus(HttpStatus.CREATED);
		String id = json(created).get("id").asString();
		assertThat(json(created).get("authorizationMethod").asString()).isEqualTo("SMS_KEY");
		assertThat(json(created).get("ownAccount").asBoolean()).isTrue();
		assertThat(json(created).get("amount").asString()).isEqualTo("25.00");

		String smsKey = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(mobile, smsBefore, 6).orElse(null), code -> code != null);
		Sms keyMessage = SMS.receivedBy(mobile).get(smsBefore);
		assertThat(keyMessage.text()).contains("$25.00", "******" + own.substring(6), smsKey)
			.doesNotContain(own);

		String wrongKey = smsKey.equals("000000") ? "111111" : "000000";
		MvcTestResult wrong = session.post(TRANSFERS + "/" + id + "/authorization", code(wrongKey));
		assertProblem(wrong, HttpStatus.UNPROCESSABLE_CONTENT, "transfer.code.wrong");
		assertThat(json(wrong).get("attemptsLeft").asInt()).isPositive();

		MvcTestResult done = session.post(TRANSFERS + "/" + id + "/authorization", code(smsKey));
		assertThat(done).as(text(done)).hasStatus(HttpStatus.OK);
		assertThat(json(done).get("state").asString()).isEqualTo("DONE");
		assertThat(balance(from)).isEqualByComparingTo("35.00");
		assertThat(balance(to)).isEqualByComparingTo("35.00");
		assertThat(movements(from)).containsExactly(new BigDecimal("-25.00"));
		assertThat(movements(to)).containsExactly(new BigDecimal("25.00"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(mobile).stream().anyMatch(sms -> sms.text().contains("transferiste")));
		assertAuditHoldsNone(customer, smsKey);
	}

	@Test
	void theSameRequestAfterTheTransferWasDoneAnswersThatTransfer() {
		Enrolled customer = this.users.enrolled();
		long from = this.customers.addAccount(customer.person(), AccountKind.CHECKING, new BigDecimal("30.00"));
		String own = customer.person().accountNumber();
		ApiSession session = ApiSession.signIn(this.mvc, customer);
		String mobile = customer.person().mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();
		String key = newKey();
		String id = json(session.post(TRANSFERS, transfer(from, own, "25.00"), "Idempotency-Key", key)).get("id")
			.asString();
		String smsKey = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(mobile, smsBefore, 6).orElse(null), code -> code != null);
		assertThat(session.post(TRANSFERS + "/" + id + "/authorization", code(smsKey))).hasStatus(HttpStatus.OK);

		// the app did not get the answer and sends the same request again: the balance left (5.00) is below the
		// amount, yet it is the transfer already done, not a new one to check
		MvcTestResult again = session.post(TRANSFERS, transfer(from, own, "25.00"), "Idempotency-Key", key);

		assertThat(again).as(text(again)).hasStatus(HttpStatus.OK);
		assertThat(json(again).get("id").asString()).isEqualTo(id);
		assertThat(json(again).get("state").asString()).isEqualTo("DONE");
		assertThat(balance(from)).isEqualByComparingTo("5.00");
		assertThat(movements(from)).hasSize(1);
	}

	@Test
	void refusesTheTransferForGoodAfterThreeWrongCodesAndMovesNothing() {
		Enrolled customer = this.users.enrolled();
		long from = this.customers.addAccount(customer.person(), AccountKind.CHECKING, new BigDecimal("100.00"));
		ApiSession session = ApiSession.signIn(this.mvc, customer).inEnglish();
		String mobile = customer.person().mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();
		String id = json(session.post(TRANSFERS, transfer(from, customer.person().accountNumber(), "25.00"),
				"Idempotency-Key", newKey())).get("id").asString();
		String smsKey = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(mobile, smsBefore, 6).orElse(null), code -> code != null);
		assertThat(SMS.receivedBy(mobile).get(smsBefore).text()).contains("transfer of $25.00");
		String wrongKey = smsKey.equals("000000") ? "111111" : "000000";

		assertThat(json(session.post(TRANSFERS + "/" + id + "/authorization", code(wrongKey))).get("attemptsLeft")
			.asInt()).isEqualTo(2);
		assertThat(json(session.post(TRANSFERS + "/" + id + "/authorization", code(wrongKey))).get("attemptsLeft")
			.asInt()).isEqualTo(1);
		MvcTestResult refused = session.post(TRANSFERS + "/" + id + "/authorization", code(wrongKey));
		assertProblem(refused, HttpStatus.CONFLICT, "transfer.refused.authorization-over");
		assertThat(json(refused).get("detail").asString()).contains("No money moved");

		assertProblem(session.post(TRANSFERS + "/" + id + "/authorization", code(smsKey)), HttpStatus.CONFLICT,
				"transfer.refused.authorization-over");
		assertThat(json(session.get(TRANSFERS + "/" + id)).get("state").asString()).isEqualTo("REFUSED");
		assertThat(balance(from)).isEqualByComparingTo("100.00");
		assertThat(movements(from)).isEmpty();
		assertThat(auditTypes(customer, Outcome.FAILURE)).contains("TRANSFER");
	}

	@Test
	void anotherCustomersTransferIsNotFound() {
		Enrolled customer = this.users.enrolled();
		long from = this.customers.addAccount(customer.person(), AccountKind.CHECKING, new BigDecimal("100.00"));
		ApiSession session = ApiSession.signIn(this.mvc, customer);
		String mobile = customer.person().mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();
		String id = json(session.post(TRANSFERS, transfer(from, customer.person().accountNumber(), "25.00"),
				"Idempotency-Key", newKey())).get("id").asString();
		String smsKey = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(mobile, smsBefore, 6).orElse(null), code -> code != null);

		Enrolled stranger = this.users.enrolled();
		ApiSession theirs = ApiSession.signIn(this.mvc, stranger);
		assertProblem(theirs.get(TRANSFERS + "/" + id), HttpStatus.NOT_FOUND, "transfer.unknown");
		assertProblem(theirs.post(TRANSFERS + "/" + id + "/authorization", code(smsKey)), HttpStatus.NOT_FOUND,
				"transfer.unknown");
		assertProblem(theirs.get(TRANSFERS + "/" + UUID.randomUUID()), HttpStatus.NOT_FOUND, "transfer.unknown");
		assertThat(json(theirs.get(TRANSFERS))).isEmpty();

		assertThat(balance(from)).isEqualByComparingTo("100.00");
		MvcTestResult mine = session.get(TRANSFERS + "/" + id);
		assertThat(json(mine).get("state").asString()).isEqualTo("AWAITING");
		assertThat(session.post(TRANSFERS + "/" + id + "/authorization", code(smsKey))).hasStatus(HttpStatus.OK);
	}

	@Test
	void answersProblemsInTheRequestedLanguageNeverA500() {
		Enrolled customer = this.users.enrolled();
		ApiSession session = ApiSession.signIn(this.mvc, customer);

		MvcTestResult notJson = session.post(TRANSFERS, "{not json", "Idempotency-Key", newKey());
		assertProblem(notJson, HttpStatus.BAD_REQUEST, "api.body.unreadable");
		assertThat(json(notJson).get("detail").asString()).contains("JSON");
		assertThat(notJson.getResponse().getHeader("Content-Language")).isEqualTo("es");

		MvcTestResult inEnglish = session.inEnglish().post(TRANSFERS, "{not json", "Idempotency-Key", newKey());
		assertProblem(inEnglish, HttpStatus.BAD_REQUEST, "api.body.unreadable");
		assertThat(json(inEnglish).get("detail").asString()).isEqualTo("The request body is not valid JSON for this operation.");
		assertThat(inEnglish.getResponse().getHeader("Content-Language")).isEqualTo("en");

		MvcTestResult missingKeyInEnglish = session.inEnglish().post(TRANSFERS, "{}");
		assertProblem(missingKeyInEnglish, HttpStatus.BAD_REQUEST, "transfer.api.idempotency-key");
		assertThat(json(missingKeyInEnglish).get("detail").asString()).contains("Idempotency-Key");

		MvcTestResult authorizationNotJson = session.post(TRANSFERS + "/" + UUID.randomUUID() + "/authorization",
				"[1, 2");
		assertProblem(authorizationNotJson, HttpStatus.BAD_REQUEST, "api.body.unreadable");
		assertProblem(session.post(TRANSFERS + "/not-a-uuid/authorization", code("123456")), HttpStatus.BAD_REQUEST,
				"api.request.invalid");
		assertProblem(session.post(TRANSFERS + "/" + UUID.randomUUID() + "/authorization", code("abc")),
				HttpStatus.UNPROCESSABLE_CONTENT, "transfer.code.format");
		assertProblem(session.post(TRANSFERS + "/" + UUID.randomUUID() + "/authorization", "{\"code\":null}"),
				HttpStatus.UNPROCESSABLE_CONTENT, "transfer.code.format");
		assertProblem(session.post(TRANSFERS, "{\"amount\":[1]}", "Idempotency-Key", newKey()),
				HttpStatus.BAD_REQUEST, "api.body.unreadable");
		assertProblem(session.post(TRANSFERS, "{}", "Idempotency-Key", newKey()), HttpStatus.UNPROCESSABLE_CONTENT,
				"form.errors");
		MvcTestResult plainText = session.exchange(this.mvc.post()
			.uri(TRANSFERS)
			.header("Idempotency-Key", newKey())
			.contentType(MediaType.TEXT_PLAIN)
			.content("amount=25"));
		assertProblem(plainText, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.body.media-type");
		assertThat(count("SELECT count(*) FROM transfers WHERE customer_id = ?", customer.person().customerId()))
			.isZero();
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	/** What a refused request must not have written: the customer's transfers, authorisations and movements. */
	record Written(long transfers, long authorizations, long movements) {
	}

	private Written written(Enrolled customer, String payee) {
		return new Written(count("SELECT count(*) FROM transfers WHERE customer_id = ?", customer.person().customerId()),
				count("SELECT count(*) FROM operation_authorizations WHERE user_id = ?", customer.userId()),
				count("SELECT count(*) FROM account_movements WHERE account_id IN "
						+ "(SELECT id FROM accounts WHERE customer_id = ?)", customer.person().customerId())
						+ count("SELECT count(*) FROM account_movements WHERE account_id = ?", accountId(payee)));
	}

	private long count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private BigDecimal balance(long accountId) {
		return this.jdbc.sql("SELECT balance FROM accounts WHERE id = ?").param(accountId).query(BigDecimal.class)
			.single();
	}

	private long accountId(String number) {
		return this.jdbc.sql("SELECT id FROM accounts WHERE number = ?").param(number).query(Long.class).single();
	}

	private List<BigDecimal> movements(long accountId) {
		return this.jdbc.sql("SELECT amount FROM account_movements WHERE account_id = ? ORDER BY id")
			.param(accountId)
			.query(BigDecimal.class)
			.list();
	}

	private List<String> auditTypes(Enrolled customer, Outcome outcome) {
		return this.audit.forSubject(customer.subject(), 100)
			.stream()
			.filter(event -> event.outcome() == outcome)
			.map(RecordedAuditEvent::type)
			.toList();
	}

	/** No secret in the audit trail: neither in the customer's events nor anywhere else in the table. */
	private void assertAuditHoldsNone(Enrolled customer, String... secrets) {
		List<String> details = this.jdbc.sql("SELECT details::text FROM audit_events WHERE subject = ?")
			.param(customer.subject())
			.query(String.class)
			.list();
		assertThat(details).isNotEmpty();
		for (String secret : secrets) {
			assertThat(details).noneMatch(text -> text.contains(secret));
			if (secret.length() > 8) {
				assertThat(count("SELECT count(*) FROM audit_events WHERE strpos(details::text, ?) > 0", secret))
					.isZero();
			}
		}
	}

	private static List<String> fieldCodes(MvcTestResult result) {
		JsonNode errors = json(result).get("errors");
		return errors.valueStream()
			.map(error -> error.get("field").asString() + "=" + error.get("code").asString())
			.toList();
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

	private static String transfer(long fromAccountId, String toAccount, String amount) {
		return """
				{"fromAccountId":"%d","toAccount":"%s","amount":"%s","description":"Arriendo"}"""
			.formatted(fromAccountId, toAccount, amount);
	}

	private static String code(String code) {
		return "{\"code\":\"" + code + "\"}";
	}

	private static String newKey() {
		return "app-" + UUID.randomUUID();
	}

}
