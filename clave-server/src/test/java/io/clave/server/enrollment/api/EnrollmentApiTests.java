package io.clave.server.enrollment.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corebanking.AccountKind;
import io.clave.server.corebanking.Accounts;
import io.clave.server.corebanking.CardKind;
import io.clave.server.corebanking.CardState;
import io.clave.server.corebanking.Cards;
import io.clave.server.corebanking.Customers;
import io.clave.server.shared.Cedula;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.Luhn;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The enrollment flow through the JSON API, against the running server: the same rules and message codes as the
 * pages, answered as RFC 9457 problems. Every test registers its own customers in the core-banking registry (fresh
 * cédula, card number and mobile number), so that it shares nothing with other tests or the demo people, and reads
 * the clave temporal from the SMS the gateway stub received.
 */
@ExtendWith(OutputCaptureExtension.class)
class EnrollmentApiTests extends IntegrationTest {

	private static final String BASE = "/api/v1/enrollments";

	private static final String TOKEN = "Enrollment-Token";

	private static final String USER_AGENT = "ClaveMobileTest/1.0";

	private static final ZoneId BANK_ZONE = ZoneId.of("America/Guayaquil");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String HOME_PHONE = "022345678";

	private static final String WORK_PHONE = "042987654";

	@LocalServerPort
	private int port;

	@Autowired
	private Customers customers;

	@Autowired
	private Cards cards;

	@Autowired
	private Accounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AuditTrail audit;

	@Autowired
	private MessageSource messages;

	@Autowired
	private ApiProblems problems;

	@Autowired
	private Clock clock;

	private RestTestClient client;

	@BeforeEach
	void connect() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	// ---- the whole flow ---------------------------------------------------------------------------------------

	@Test
	void debitCardCustomerEnrolsThroughTheApi() {
		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());

		Answer started = post("/debit-card", null, debitForm(customer));
		assertThat(started.status()).isEqualTo(201);
		assertThat(started.headers().getLocation()).hasToString(BASE + "/current");
		String token = started.text("token");
		assertThat(token).hasSizeGreaterThanOrEqualTo(40);
		assertThat(started.text("step")).isEqualTo("CONTACT_CHECK");
		assertThat(started.json().at("/contact/mobile").asString()).isEqualTo("******" + customer.mobile().substring(6));
		assertThat(started.json().at("/contact/email").asString()).isEqualTo(customer.email().masked());
		assertThat(started.raw()).doesNotContain(customer.mobile()).doesNotContain(customer.email().value());

		Answer current = get("/current", token);
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.text("step")).isEqualTo("CONTACT_CHECK");
		assertThat(current.text("maskedMobile")).endsWith(customer.mobile().substring(6));
		assertThat(current.json().get("username").isNull()).isTrue();

		String username = walkToCompletion(token, customer, "LATER");

		assertThat(this.jdbc.sql("SELECT password_hash FROM users WHERE customer_id = ?")
			.param(customer.id())
			.query(String.class)
			.single()).startsWith("$argon2id$");
		assertThat(this.jdbc.sql("SELECT username FROM users WHERE customer_id = ?")
			.param(customer.id())
			.query(String.class)
			.single()).isEqualTo(username);
		assertThat(this.jdbc.sql("SELECT second_factor FROM users WHERE customer_id = ?")
			.param(customer.id())
			.query(String.class)
			.single()).isEqualTo("SMS_ONE_TIME_KEY");
		assertThat(this.jdbc.sql("SELECT count(*) FROM challenge_answers a JOIN users u ON u.id = a.user_id "
				+ "WHERE u.customer_id = ? AND a.answer_hash LIKE '$argon2id$%'")
			.param(customer.id())
			.query(Long.class)
			.single()).isEqualTo(3);
		assertEnrollmentAudited(customer);

		// the finished enrollment shows its last state, and refuses any further step
		Answer finished = get("/current", token);
		assertThat(finished.status()).isEqualTo(200);
		assertThat(finished.text("step")).isEqualTo("COMPLETED");
		assertThat(finished.text("username")).isEqualTo(username);
		assertProblem(put("/current/second-factor", token, Map.of("choice", "LATER")), 410, "enrollment.completed");
	}

	@Test
	void creditCardCustomerEnrolsThroughTheApi() {
		TestCustomer customer = newCustomer(CardKind.CREDIT, CardState.ACTIVE, activeExpiry());

		Answer started = post("/credit-card", null, creditForm(customer));
		assertThat(started.status()).isEqualTo(201);
		assertThat(started.text("step")).isEqualTo("CONTACT_CHECK");

		walkToCompletion(started.text("token"), customer, "TOKEN");

		assertThat(this.jdbc.sql("SELECT password_hash FROM users WHERE customer_id = ?")
			.param(customer.id())
			.query(String.class)
			.single()).startsWith("$argon2id$");
		assertThat(this.jdbc.sql("SELECT second_factor FROM users WHERE customer_id = ?")
			.param(customer.id())
			.query(String.class)
			.single()).isEqualTo("SOFT_TOKEN_PENDING");
		assertThat(this.jdbc.sql("SELECT home_phone || ',' || work_phone FROM customers WHERE id = ?")
			.param(customer.id())
			.query(String.class)
			.single()).isEqualTo(HOME_PHONE + "," + WORK_PHONE);
		assertEnrollmentAudited(customer);
	}

	// ---- the card ---------------------------------------------------------------------------------------------

	@Test
	void wrongCardDataGetOneGenericAnswerAndThreeBlockTheCardForEnrollment() {
		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());
		String otherPin = customer.pin().equals("1111") ? "2222" : "1111";

		Answer wrongPin = post("/debit-card", null, debitForm(customer, Map.of("pin", otherPin)));
		assertProblem(wrongPin, 422, "enrollment.card.invalid");
		assertThat(wrongPin.json().get("errors")).isEmpty();

		Answer wrongIssueDate = post("/debit-card", null,
				debitForm(customer, Map.of("issueDate", monthYear(customer.issueDate().minusMonths(1)))));
		assertProblem(wrongIssueDate, 422, "enrollment.card.invalid");
		assertThat(wrongIssueDate.text("detail")).isEqualTo(wrongPin.text("detail"));

		// a card the bank does not know gets the very same answer (and counts against no card)
		Answer unknownCard = post("/debit-card", null, debitForm(customer, Map.of("cardNumber", newPan('4'))));
		assertProblem(unknownCard, 422, "enrollment.card.invalid");
		assertThat(unknownCard.text("detail")).isEqualTo(wrongPin.text("detail"));

		Answer third = post("/debit-card", null,
				debitForm(customer, Map.of("expiryYear", Integer.toString(customer.expiry().getYear() + 1))));
		assertProblem(third, 403, "enrollment.card.blocked-for-enrollment");

		// now even the right data are refused, for the block's duration
		assertProblem(post("/debit-card", null, debitForm(customer)), 403, "enrollment.card.blocked-for-enrollment");
		assertThat(enrollmentsOf(customer)).isZero();

		List<String> reasons = auditOf(customer).stream()
			.filter(event -> event.type().equals("ENROLLMENT_CARD_CHECK"))
			.map(event -> event.outcome() + ":" + event.details().get("reason"))
			.toList();
		assertThat(reasons).containsExactly("FAILURE:card-blocked-for-enrollment", "FAILURE:wrong-card-data-now-blocked",
				"FAILURE:wrong-card-data", "FAILURE:wrong-card-data");
	}

	@Test
	void wrongCreditCardDataGetTheSameGenericAnswer() {
		TestCustomer customer = newCustomer(CardKind.CREDIT, CardState.ACTIVE, activeExpiry());
		Answer wrongAccount = post("/credit-card", null, creditForm(customer, Map.of("savingsAccount", "2200999999")));
		assertProblem(wrongAccount, 422, "enrollment.card.invalid");
		Answer wrongMonth = post("/credit-card", null, creditForm(customer,
				Map.of("expiryMonth", Integer.toString(customer.expiry().getMonthValue() % 12 + 1))));
		assertProblem(wrongMonth, 422, "enrollment.card.invalid");
		assertThat(wrongMonth.text("detail")).isEqualTo(wrongAccount.text("detail"));
		assertThat(enrollmentsOf(customer)).isZero();
	}

	@Test
	void blockedAndExpiredCardsCannotEnrol() {
		TestCustomer blocked = newCustomer(CardKind.DEBIT, CardState.BLOCKED, activeExpiry());
		assertProblem(post("/debit-card", null, debitForm(blocked)), 403, "enrollment.card.not-usable");

		TestCustomer expired = newCustomer(CardKind.DEBIT, CardState.ACTIVE,
				YearMonth.now(this.clock.withZone(BANK_ZONE)).minusMonths(2));
		assertProblem(post("/debit-card", null, debitForm(expired)), 403, "enrollment.card.not-usable");

		TestCustomer expiredCredit = newCustomer(CardKind.CREDIT, CardState.EXPIRED, activeExpiry());
		assertProblem(post("/credit-card", null, creditForm(expiredCredit)), 403, "enrollment.card.not-usable");

		assertThat(enrollmentsOf(blocked) + enrollmentsOf(expired) + enrollmentsOf(expiredCredit)).isZero();
		assertThat(auditOf(expired)).anyMatch(event -> event.type().equals("ENROLLMENT_CARD_CHECK")
				&& event.outcome() == Outcome.FAILURE && event.details().get("reason").startsWith("card-"));
	}

	@Test
	void enrolledCustomerIsToldToLogInInstead() {
		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());
		walkToCompletion(post("/debit-card", null, debitForm(customer)).text("token"), customer, "LATER");

		assertProblem(post("/debit-card", null, debitForm(customer)), 403, "enrollment.customer.already-enrolled");
	}

	@Test
	void twoEnrollmentsOfOneCustomerCannotBothFinish() {
		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());
		String first = post("/debit-card", null, debitForm(customer)).text("token");
		String second = post("/debit-card", null, debitForm(customer)).text("token");
		verifyKey(first, customer);
		verifyKey(second, customer);

		walkFromUsername(first, customer, "LATER");
		walkFromUsernameToSecondFactor(second, customer);

		assertProblem(put("/current/second-factor", second, Map.of("choice", "LATER")), 410,
				"enrollment.customer.already-enrolled");
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE customer_id = ?")
			.param(customer.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	// ---- the clave temporal -----------------------------------------------------------------------------------

	@Test
	void keyRulesAnswerTheSameCodesAsThePages() {
		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());
		String token = post("/debit-card", null, debitForm(customer)).text("token");

		// no key sent yet: verifying is a step out of order
		assertProblem(post("/current/one-time-key/verification", token, Map.of("key", "123456")), 409,
				"enrollment.stale-form");

		Answer sent = post("/current/one-time-key", token, null);
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.text("step")).isEqualTo("ONE_TIME_KEY");
		assertThat(Instant.parse(sent.text("keyExpiresAt"))).isAfter(this.clock.instant());
		assertThat(Instant.parse(sent.text("nextKeyAt"))).isAfter(this.clock.instant());
		assertThat(Instant.parse(sent.text("expiresAt"))).isAfter(Instant.parse(sent.text("keyExpiresAt")));
		String key = awaitKey(customer, 1);

		Answer tooSoon = post("/current/one-time-key", token, null);
		assertProblem(tooSoon, 429, "enrollment.key.cool-down");
		assertThat(tooSoon.text("step")).isEqualTo("ONE_TIME_KEY");
		assertThat(Long.parseLong(tooSoon.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);

		Answer badFormat = post("/current/one-time-key/verification", token, Map.of("key", "12ab56"));
		assertProblem(badFormat, 400, "form.errors");
		assertFieldError(badFormat, "key", "key.format");

		Answer wrong = post("/current/one-time-key/verification", token, Map.of("key", otherKey(key)));
		assertProblem(wrong, 400, "enrollment.key.wrong");
		assertThat(wrong.text("step")).isEqualTo("ONE_TIME_KEY");

		Answer accepted = post("/current/one-time-key/verification", token, Map.of("key", key));
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.text("step")).isEqualTo("USERNAME");

		// single use: the same key again is a stale form now
		assertProblem(post("/current/one-time-key/verification", token, Map.of("key", key)), 409,
				"enrollment.stale-form");
		assertThat(SMS.receivedBy(customer.e164())).hasSize(1);
	}

	// ---- stale, unknown, over ---------------------------------------------------------------------------------

	@Test
	void aStepOutOfOrderIsAConflictThatNamesTheCurrentStep() {
		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());
		String token = post("/debit-card", null, debitForm(customer)).text("token");

		Answer early = put("/current/username", token, Map.of("username", "Kiteabcdef", "confirmation", "Kiteabcdef"));
		assertProblem(early, 409, "enrollment.stale-form");
		assertThat(early.text("step")).isEqualTo("CONTACT_CHECK");

		verifyKey(token, customer);
		assertProblem(post("/current/one-time-key", token, null), 409, "enrollment.stale-form");
		Answer skipping = put("/current/password", token, Map.of("password", "LunaVerde73x", "confirmation",
				"LunaVerde73x"));
		assertProblem(skipping, 409, "enrollment.stale-form");
		assertThat(skipping.text("step")).isEqualTo("USERNAME");
		assertThat(get("/current", token).text("step")).isEqualTo("USERNAME");
	}

	@Test
	void unknownMissingOrCancelledTokensAreGone() {
		assertProblem(get("/current", "not-a-token"), 410, "enrollment.not-found");
		assertProblem(put("/current/username", "x".repeat(5000), Map.of("username", "a", "confirmation", "a")), 410,
				"enrollment.not-found");
		assertProblem(delete("/current", "not-a-token"), 410, "enrollment.not-found");
		assertProblem(get("/current", null), 400, "api.token.missing");

		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());
		String token = post("/debit-card", null, debitForm(customer)).text("token");
		assertThat(delete("/current", token).status()).isEqualTo(204);
		assertProblem(get("/current", token), 410, "enrollment.cancelled");
		assertProblem(post("/current/one-time-key", token, null), 410, "enrollment.cancelled");
		assertThat(delete("/current", token).status()).isEqualTo(204);
		assertThat(SMS.receivedBy(customer.e164())).isEmpty();
		assertThat(auditOf(customer)).anyMatch(event -> event.type().equals("ENROLLMENT_CANCELLED"));
	}

	// ---- bad input --------------------------------------------------------------------------------------------

	@Test
	void malformedRequestsAreProblemsWithoutStackTraces() {
		Answer truncated = postRaw("/debit-card", "{\"cedula\": \"17143", MediaType.APPLICATION_JSON);
		assertProblem(truncated, 400, "api.body.unreadable");

		Answer wrongShape = postRaw("/debit-card", "{\"cedula\": {\"$gt\": \"\"}, \"pin\": [1,2]}",
				MediaType.APPLICATION_JSON);
		assertProblem(wrongShape, 400, "api.body.unreadable");

		assertProblem(postRaw("/debit-card", "", MediaType.APPLICATION_JSON), 400, "api.body.unreadable");
		assertProblem(postRaw("/debit-card", "null", MediaType.APPLICATION_JSON), 400, "api.body.unreadable");
		assertProblem(postRaw("/debit-card", "[]", MediaType.APPLICATION_JSON), 400, "api.body.unreadable");

		Answer notJson = postRaw("/debit-card", "cedula=1714307103", MediaType.APPLICATION_FORM_URLENCODED);
		assertProblem(notJson, 415, "api.body.media-type");

		Answer bool = put("/current/challenge-questions", "not-a-token", Map.of("acceptTerms", "yes please"));
		assertProblem(bool, 400, "api.body.unreadable");

		// a method no mapping offers is refused before the API is reached: still a problem, never a trace
		Answer patch = call(HttpMethod.PATCH, "/current", "not-a-token", "{}", null, MediaType.APPLICATION_JSON);
		assertThat(patch.status()).isEqualTo(405);
		assertThat(patch.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertNoInternals(patch);
	}

	@Test
	void badCardInputIsRejectedFieldByFieldAndStartsNothing() {
		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());

		Answer overLong = post("/debit-card", null, debitForm(customer, Map.of("cedula", "1".repeat(100_000))));
		assertProblem(overLong, 400, "form.errors");
		assertFieldError(overLong, "cedula", "field.too-long");

		Answer sql = post("/debit-card", null, debitForm(customer,
				Map.of("cedula", customer.cedula() + "' OR '1'='1", "cardNumber", "4111' ; DROP TABLE cards; --")));
		assertProblem(sql, 400, "form.errors");
		assertFieldError(sql, "cedula", "cedula.invalid");
		assertFieldError(sql, "cardNumber", "card-number.invalid");

		Answer script = post("/debit-card", null,
				debitForm(customer, Map.of("issueDate", "<script>alert(1)</script>", "pin", "<b>1</b>")));
		assertProblem(script, 400, "form.errors");
		assertFieldError(script, "issueDate", "field.too-long");
		assertFieldError(script, "pin", "pin.invalid");
		assertThat(script.raw()).doesNotContain("<script>");

		// Arabic-Indic digits look like a cédula but are not one; a right-to-left override hides what was typed
		Answer unicode = post("/debit-card", null, debitForm(customer,
				Map.of("cedula", toArabicIndic(customer.cedula()), "expiryYear", "\u202E" + customer.expiry().getYear(),
						"cardNumber", customer.pan().substring(0, 8) + "\u200B" + customer.pan().substring(8))));
		assertProblem(unicode, 400, "form.errors");
		assertFieldError(unicode, "cedula", "cedula.invalid");
		assertFieldError(unicode, "expiryYear", "field.characters");
		assertFieldError(unicode, "cardNumber", "field.characters");

		Answer empty = post("/debit-card", null, Map.of());
		assertProblem(empty, 400, "form.errors");
		assertThat(empty.json().get("errors")).hasSize(5);
		assertFieldError(empty, "cedula", "field.required");

		// field errors are not wrong card data: they neither start an enrollment nor count towards the block
		assertThat(enrollmentsOf(customer)).isZero();
		assertThat(post("/debit-card", null, debitForm(customer)).status()).isEqualTo(201);
	}

	@Test
	void badStepInputIsRejectedWithoutPartialWrite() {
		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());
		String token = post("/debit-card", null, debitForm(customer)).text("token");
		verifyKey(token, customer);

		for (String username : List.of("<b>kite</b>1", "kite' OR 1=1", "kite\u0430bcdef1", "kite\u200Bbcdef1",
				"K".repeat(100_000), "Kite12345678901234", "kité1234567")) {
			Answer refused = put("/current/username", token, Map.of("username", username, "confirmation", username));
			assertProblem(refused, 400, "form.errors");
			assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("username");
			assertThat(refused.json().at("/errors/0/code").asString()).startsWith("username.rule.");
			assertThat(refused.text("step")).isEqualTo("USERNAME");
		}
		Answer personal = put("/current/username", token,
				Map.of("username", "id" + customer.cedula(), "confirmation", "id" + customer.cedula()));
		assertFieldError(personal, "username", "username.rule.personal_data");
		assertThat(storedEnrollmentColumn(customer, "username")).isNull();

		String username = newUsername();
		assertThat(put("/current/username", token, Map.of("username", username, "confirmation", username)).status())
			.isEqualTo(200);
		Answer common = put("/current/password", token, Map.of("password", "Password1", "confirmation", "Password1"));
		assertFieldError(common, "password", "password.rule.common");
		Answer mismatch = put("/current/password", token,
				Map.of("password", "LunaVerde73x", "confirmation", "LunaVerde73y"));
		assertFieldError(mismatch, "confirmation", "password.rule.confirmation_mismatch");
		assertThat(storedEnrollmentColumn(customer, "password_hash")).isNull();
		assertThat(put("/current/password", token, Map.of("password", "LunaVerde73x", "confirmation", "LunaVerde73x"))
			.status()).isEqualTo(200);

		Answer image = put("/current/security-image", token,
				Map.of("image", "../../../etc/passwd", "phrase", "<img src=x onerror=alert(1)>"));
		assertProblem(image, 400, "form.errors");
		assertFieldError(image, "image", "image.invalid");
		assertFieldError(image, "phrase", "phrase.characters");
		assertThat(storedEnrollmentColumn(customer, "security_image")).isNull();
		assertThat(put("/current/security-image", token, Map.of("image", firstImage(), "phrase", "Mi faro, ¡siempre!"))
			.status()).isEqualTo(200);

		Answer phones = put("/current/contact-data", token,
				Map.of("homePhone", "022'; DROP TABLE customers;--", "workPhone", "0229\u0663\u0664\u0665678"));
		assertProblem(phones, 400, "form.errors");
		assertThat(phones.json().get("errors")).hasSize(2);
		assertThat(storedEnrollmentColumn(customer, "home_phone")).isNull();
		assertThat(put("/current/contact-data", token, Map.of("homePhone", HOME_PHONE, "workPhone", WORK_PHONE))
			.status()).isEqualTo(200);

		List<String> questions = questionIds();
		Map<String, Object> duplicate = challengeForm(questions);
		duplicate.put("question2", questions.get(0));
		duplicate.put("answer3", "a".repeat(1000));
		duplicate.put("acceptTerms", false);
		Answer challenge = put("/current/challenge-questions", token, duplicate);
		assertProblem(challenge, 400, "form.errors");
		assertFieldError(challenge, "question2", "question.duplicate");
		assertFieldError(challenge, "answer3", "field.too-long");
		assertFieldError(challenge, "acceptTerms", "terms.required");
		assertThat(storedEnrollmentColumn(customer, "terms_accepted_at")).isNull();

		assertThat(get("/current", token).text("step")).isEqualTo("CHALLENGE_QUESTIONS");
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE customer_id = ?")
			.param(customer.id())
			.query(Long.class)
			.single()).isZero();
	}

	// ---- language ---------------------------------------------------------------------------------------------

	@Test
	void detailIsInTheRequestsLanguageSpanishByDefault() {
		TestCustomer customer = newCustomer(CardKind.DEBIT, CardState.ACTIVE, activeExpiry());
		Map<String, String> wrongPin = Map.of("pin", customer.pin().equals("1111") ? "2222" : "1111");

		Answer english = call(HttpMethod.POST, "/debit-card", null, debitForm(customer, wrongPin), "en-US,en;q=0.8",
				MediaType.APPLICATION_JSON);
		assertProblem(english, 422, "enrollment.card.invalid");
		assertThat(english.text("detail"))
			.isEqualTo(this.messages.getMessage("enrollment.card.invalid", null, Locale.ENGLISH))
			.isNotEqualTo("enrollment.card.invalid");
		assertThat(english.headers().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");

		Answer spanish = post("/debit-card", null, debitForm(customer, Map.of("cedula", "")));
		assertThat(spanish.headers().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("es");
		assertThat(spanish.json().at("/errors/0/message").asString())
			.isEqualTo(this.messages.getMessage("field.required", null, Locale.forLanguageTag("es-EC")));
		Answer englishField = call(HttpMethod.POST, "/debit-card", null, debitForm(customer, Map.of("cedula", "")),
				"en", MediaType.APPLICATION_JSON);
		assertThat(englishField.json().at("/errors/0/message").asString())
			.isEqualTo(this.messages.getMessage("field.required", null, Locale.ENGLISH))
			.isNotEqualTo(spanish.json().at("/errors/0/message").asString());

		Answer imagesEn = call(HttpMethod.GET, "/security-images", null, null, "en", null);
		Answer imagesEs = call(HttpMethod.GET, "/security-images", null, null, "fr, es;q=0.5", null);
		assertThat(imagesEn.json().size()).isGreaterThanOrEqualTo(12);
		assertThat(imagesEn.json().at("/0/id").asString()).isEqualTo(imagesEs.json().at("/0/id").asString());
		assertThat(imagesEn.json().at("/0/url").asString()).startsWith("/images/security/");
		Answer questionsEn = call(HttpMethod.GET, "/challenge-questions", null, null, "en", null);
		Answer questionsEs = get("/challenge-questions", null);
		assertThat(questionsEn.json().size()).isGreaterThanOrEqualTo(8);
		assertThat(questionsEn.json().at("/0/text").asString())
			.isNotEqualTo(questionsEs.json().at("/0/text").asString());
	}

	// ---- the unexpected ---------------------------------------------------------------------------------------

	@Test
	void unexpectedFailureIsA500WithACorrelationIdAndNoPersonalData(CapturedOutput output) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", BASE + "/debit-card");
		request.addHeader(HttpHeaders.ACCEPT_LANGUAGE, "en");
		IllegalStateException failure = new IllegalStateException("duplicate key cedula=1714307103",
				new RuntimeException("card 4213560012345672"));

		ResponseEntity<ProblemDetail> answer = this.problems.unexpected(failure, request);

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = answer.getBody();
		assertThat(problem).isNotNull();
		assertThat(problem.getType()).hasToString("urn:clave:problem:api.error.unexpected");
		assertThat(problem.getProperties()).containsEntry("code", "api.error.unexpected");
		String correlationId = (String) problem.getProperties().get("correlationId");
		assertThat(correlationId).isNotBlank();
		assertThat(String.valueOf(problem.getDetail())).doesNotContain("1714307103").doesNotContain("duplicate");
		assertThat(output.getAll()).contains(correlationId)
			.contains("java.lang.IllegalStateException")
			.doesNotContain("1714307103")
			.doesNotContain("4213560012345672");
	}

	@Test
	void openApiDocumentsTheEnrollmentApi() {
		EntityExchangeResult<byte[]> docs = this.client.get().uri("/v3/api-docs").exchange().expectBody().returnResult();
		assertThat(docs.getStatus().value()).isEqualTo(200);
		JsonNode api = JSON.readTree(new String(docs.getResponseBodyContent(), StandardCharsets.UTF_8));
		JsonNode paths = api.get("paths");
		for (String path : List.of("/debit-card", "/credit-card", "/current", "/current/one-time-key",
				"/current/one-time-key/verification", "/current/username", "/current/password",
				"/current/security-image", "/current/contact-data", "/current/challenge-questions",
				"/current/second-factor", "/security-images", "/challenge-questions")) {
			assertThat(paths.has(BASE + path)).as(path).isTrue();
		}
		assertThat(paths.at("/" + (BASE + "/current/username").replace("/", "~1") + "/put/parameters/0/name")
			.asString()).isEqualTo(TOKEN);
	}

	// ---- walking the flow -------------------------------------------------------------------------------------

	private String walkToCompletion(String token, TestCustomer customer, String secondFactor) {
		verifyKey(token, customer);
		return walkFromUsername(token, customer, secondFactor);
	}

	private void verifyKey(String token, TestCustomer customer) {
		int before = SMS.receivedBy(customer.e164()).size();
		Answer sent = post("/current/one-time-key", token, null);
		assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
		assertThat(sent.text("step")).isEqualTo("ONE_TIME_KEY");
		Answer verified = post("/current/one-time-key/verification", token,
				Map.of("key", awaitKey(customer, before + 1)));
		assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
		assertThat(verified.text("step")).isEqualTo("USERNAME");
		assertThat(verified.json().at("/wizardStep").asInt()).isEqualTo(1);
	}

	private String walkFromUsername(String token, TestCustomer customer, String secondFactor) {
		String username = walkFromUsernameToSecondFactor(token, customer);
		Answer done = put("/current/second-factor", token, Map.of("choice", secondFactor));
		assertThat(done.status()).as(done.raw()).isEqualTo(200);
		assertThat(done.text("step")).isEqualTo("COMPLETED");
		assertThat(done.text("username")).isEqualTo(username);
		return username;
	}

	private String walkFromUsernameToSecondFactor(String token, TestCustomer customer) {
		String username = newUsername();
		expectStep(put("/current/username", token, Map.of("username", username, "confirmation", username)), "PASSWORD");
		expectStep(put("/current/password", token, Map.of("password", "LunaVerde73x", "confirmation", "LunaVerde73x")),
				"SECURITY_IMAGE");
		expectStep(put("/current/security-image", token, Map.of("image", firstImage(), "phrase", "Mi faro")),
				"CONTACT_DATA");
		expectStep(put("/current/contact-data", token, Map.of("homePhone", HOME_PHONE, "workPhone", WORK_PHONE)),
				"CHALLENGE_QUESTIONS");
		expectStep(put("/current/challenge-questions", token, challengeForm(questionIds())), "SECOND_FACTOR");
		return username;
	}

	private void expectStep(Answer answer, String step) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		assertThat(answer.text("step")).isEqualTo(step);
	}

	private String awaitKey(TestCustomer customer, int messages) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> SMS.receivedBy(customer.e164()).size() >= messages);
		return SMS.lastCode(customer.e164(), 6).orElseThrow();
	}

	private String firstImage() {
		return get("/security-images", null).json().at("/0/id").asString();
	}

	private List<String> questionIds() {
		List<String> ids = new ArrayList<>();
		get("/challenge-questions", null).json().forEach(question -> ids.add(question.get("id").asString()));
		return ids;
	}

	private static Map<String, Object> challengeForm(List<String> questions) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("question1", questions.get(0));
		form.put("answer1", "Firulais");
		form.put("question2", questions.get(1));
		form.put("answer2", "Cuenca");
		form.put("question3", questions.get(2));
		form.put("answer3", "Panadería de mi tío");
		form.put("acceptTerms", true);
		return form;
	}

	private void assertEnrollmentAudited(TestCustomer customer) {
		Set<String> succeeded = auditOf(customer).stream()
			.filter(event -> event.outcome() == Outcome.SUCCESS)
			.peek(event -> assertThat(event.userAgent()).isEqualTo(USER_AGENT))
			.peek(event -> assertThat(event.ipAddress()).isNotBlank())
			.map(RecordedAuditEvent::type)
			.collect(Collectors.toSet());
		assertThat(succeeded).contains("ENROLLMENT_CARD_CHECK", "ENROLLMENT_KEY_SENT", "ENROLLMENT_KEY_VERIFIED",
				"ENROLLMENT_USERNAME", "ENROLLMENT_PASSWORD", "ENROLLMENT_SECURITY_IMAGE", "ENROLLMENT_CONTACT_DATA",
				"ENROLLMENT_CHALLENGE_QUESTIONS", "ENROLLMENT_COMPLETED");
	}

	private List<RecordedAuditEvent> auditOf(TestCustomer customer) {
		return this.audit.forSubject("customer:" + customer.id(), 200);
	}

	private long enrollmentsOf(TestCustomer customer) {
		return this.jdbc.sql("SELECT count(*) FROM enrollments WHERE customer_id = ?")
			.param(customer.id())
			.query(Long.class)
			.single();
	}

	private Object storedEnrollmentColumn(TestCustomer customer, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM enrollments WHERE customer_id = ?")
			.param(customer.id())
			.query((rs, row) -> rs.getObject(1))
			.list()
			.stream()
			.filter(value -> value != null)
			.findFirst()
			.orElse(null);
	}

	// ---- HTTP -------------------------------------------------------------------------------------------------

	/** What came back: status, headers, the raw body and the body as JSON (null if none). */
	private record Answer(int status, HttpHeaders headers, String raw, JsonNode json) {

		String text(String field) {
			JsonNode value = this.json == null ? null : this.json.get(field);
			assertThat(value).as("field %s in %s", field, this.raw).isNotNull();
			return value.asString();
		}

	}

	private Answer get(String path, String token) {
		return call(HttpMethod.GET, path, token, null, null, null);
	}

	private Answer delete(String path, String token) {
		return call(HttpMethod.DELETE, path, token, null, null, null);
	}

	private Answer post(String path, String token, Object body) {
		return call(HttpMethod.POST, path, token, body, null, MediaType.APPLICATION_JSON);
	}

	private Answer put(String path, String token, Object body) {
		return call(HttpMethod.PUT, path, token, body, null, MediaType.APPLICATION_JSON);
	}

	private Answer postRaw(String path, String body, MediaType contentType) {
		return call(HttpMethod.POST, path, null, body, null, contentType);
	}

	private Answer call(HttpMethod method, String path, String token, Object body, String language,
			MediaType contentType) {
		RestTestClient.RequestBodySpec request = this.client.method(method)
			.uri(BASE + path)
			.header(HttpHeaders.USER_AGENT, USER_AGENT);
		if (token != null) {
			request = request.header(TOKEN, token);
		}
		if (language != null) {
			request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		RestTestClient.RequestHeadersSpec<?> ready = request;
		if (body != null) {
			ready = request.contentType(contentType)
				.body((body instanceof String text) ? text.getBytes(StandardCharsets.UTF_8)
						: JSON.writeValueAsBytes(body));
		}
		EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
		byte[] content = result.getResponseBodyContent();
		String raw = content == null ? "" : new String(content, StandardCharsets.UTF_8);
		return new Answer(result.getStatus().value(), result.getResponseHeaders(), raw,
				raw.isBlank() ? null : JSON.readTree(raw));
	}

	private static void assertProblem(Answer answer, int status, String code) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
		assertThat(answer.headers().getContentType()).as("content type")
			.isNotNull()
			.matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(answer.text("code")).isEqualTo(code);
		assertThat(answer.text("type")).isEqualTo("urn:clave:problem:" + code);
		assertThat(answer.json().get("status").asInt()).isEqualTo(status);
		assertThat(answer.text("title")).isNotBlank();
		assertThat(answer.text("detail")).isNotBlank();
		assertThat(answer.json().get("errors").isArray()).isTrue();
		assertNoInternals(answer);
	}

	private static void assertNoInternals(Answer answer) {
		assertThat(answer.raw()).doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContain("trace")
			.doesNotContain("tools.jackson")
			.doesNotContain("org.springframework")
			.doesNotContain("SQL");
	}

	private static void assertFieldError(Answer answer, String field, String code) {
		List<String> errors = new ArrayList<>();
		answer.json().get("errors").forEach(error -> {
			errors.add(error.get("field").asString() + "=" + error.get("code").asString());
			assertThat(error.get("message").asString()).isNotBlank();
		});
		assertThat(errors).as(answer.raw()).contains(field + "=" + code);
	}

	// ---- a customer of our own --------------------------------------------------------------------------------

	/** A customer registered for one test; the fields are what the customer would type. */
	private record TestCustomer(long id, String cedula, String mobile, EmailAddress email, String pan, String pin,
			LocalDate issueDate, YearMonth expiry, String savingsAccount) {

		String e164() {
			return new PhoneNumber(this.mobile).e164();
		}

	}

	private TestCustomer newCustomer(CardKind kind, CardState state, YearMonth expiry) {
		String cedula = unique(() -> {
			String nine = String.format("%02d", 1 + RANDOM.nextInt(24)) + RANDOM.nextInt(6) + digits(6);
			return nine + Cedula.checkDigit(nine);
		}, "SELECT count(*) FROM customers WHERE cedula = ?");
		String mobile = unique(() -> "09" + digits(8), "SELECT count(*) FROM customers WHERE mobile_phone = ?");
		EmailAddress email = new EmailAddress("xiomara." + digits(8) + "@correo.example.com");
		long id = this.customers.register(new Cedula(cedula), "Xiomara Belén", "Yumbo Zhunio",
				LocalDate.of(1988, 7, 14), email, new PhoneNumber(mobile));
		String pan = newPan(kind == CardKind.DEBIT ? '4' : '5');
		String pin = digits(4);
		LocalDate issueDate = expiry.minusYears(5).atDay(1);
		this.cards.register(id, kind, pan, pin, issueDate, expiry, state);
		String savings = unique(() -> "77" + digits(8), "SELECT count(*) FROM accounts WHERE number = ?");
		this.accounts.register(id, AccountKind.SAVINGS, savings, new BigDecimal("100.00"));
		return new TestCustomer(id, cedula, mobile, email, pan, pin, issueDate, expiry, savings);
	}

	private String unique(java.util.function.Supplier<String> candidates, String countQuery) {
		for (int i = 0; i < 100; i++) {
			String candidate = candidates.get();
			if (this.jdbc.sql(countQuery).param(candidate).query(Long.class).single() == 0) {
				return candidate;
			}
		}
		throw new IllegalStateException("no unique value found");
	}

	/** A 16-digit number with a valid Luhn check digit that no card in the registry has (by chance, 1 in 10^14). */
	private static String newPan(char first) {
		String partial = first + "99" + digits(12);
		for (int check = 0; check <= 9; check++) {
			if (Luhn.isValid(partial + check)) {
				return partial + check;
			}
		}
		throw new IllegalStateException();
	}

	private static String digits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(RANDOM.nextInt(10));
		}
		return digits.toString();
	}

	/** Letters only, so that it can never contain the customer's cédula or birth date. */
	private static String newUsername() {
		StringBuilder name = new StringBuilder("Kite");
		for (int i = 0; i < 8; i++) {
			name.append((char) ('a' + RANDOM.nextInt(26)));
		}
		return name.toString();
	}

	private static String otherKey(String key) {
		char last = key.charAt(key.length() - 1);
		return key.substring(0, key.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
	}

	private static String toArabicIndic(String digits) {
		StringBuilder text = new StringBuilder();
		digits.chars().forEach(c -> text.append((char) ('\u0660' + (c - '0'))));
		return text.toString();
	}

	private YearMonth activeExpiry() {
		return YearMonth.now(this.clock.withZone(BANK_ZONE)).plusYears(3);
	}

	private static Map<String, Object> debitForm(TestCustomer customer) {
		return debitForm(customer, Map.of());
	}

	private static Map<String, Object> debitForm(TestCustomer customer, Map<String, String> changes) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("cedula", customer.cedula());
		form.put("cardNumber", customer.pan());
		form.put("pin", customer.pin());
		form.put("issueDate", monthYear(customer.issueDate()));
		form.put("expiryYear", Integer.toString(customer.expiry().getYear()));
		form.putAll(changes);
		return form;
	}

	private static Map<String, Object> creditForm(TestCustomer customer) {
		return creditForm(customer, Map.of());
	}

	private static Map<String, Object> creditForm(TestCustomer customer, Map<String, String> changes) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("cardNumber", customer.pan());
		form.put("expiryMonth", String.format("%02d", customer.expiry().getMonthValue()));
		form.put("expiryYear", Integer.toString(customer.expiry().getYear()));
		form.put("pin", customer.pin());
		form.put("savingsAccount", customer.savingsAccount());
		form.putAll(changes);
		return form;
	}

	private static String monthYear(LocalDate date) {
		return date.format(DateTimeFormatter.ofPattern("MM/yyyy"));
	}

}
