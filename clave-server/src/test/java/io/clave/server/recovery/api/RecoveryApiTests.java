package io.clave.server.recovery.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corebanking.CardState;
import io.clave.server.identity.Passwords;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.recovery.EnrolledUsers;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCustomers;
import io.clave.server.support.TestCustomers.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Recovery through the JSON API: the same rules and codes as the pages, refusals as RFC 9457 problems. */
class RecoveryApiTests extends IntegrationTest {

	private static final String BASE = "/api/v1/recoveries";

	private static final String TOKEN = "Recovery-Token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestCustomers customers;

	@Autowired
	Users users;

	@Autowired
	Passwords passwords;

	@Autowired
	AuditTrail audit;

	@Autowired
	MovableClock clock;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	PlatformTransactionManager transactions;

	private EnrolledUsers enrolled;

	@BeforeEach
	void setUp() {
		this.enrolled = new EnrolledUsers(this.users, this.encoder, this.transactions);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void walksTheWholeRecoveryWithProblemsOnTheWay() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		User user = this.enrolled.enrol(person);

		// the card: badly formed fields one by one, anything else generic
		MvcTestResult badFields = call(this.mvc.post().uri(BASE + "/debit-card"), null,
				Map.of("cedula", "12", "cardNumber", "1", "pin", "", "issueDate", "x", "expiryYear", "y"));
		assertThat(badFields).hasStatus(400);
		assertThat(json(badFields).get("code").asString()).isEqualTo("form.errors");
		assertThat(json(badFields).get("errors").findValuesAsString("field")).contains("cedula", "cardNumber", "pin");
		MvcTestResult wrong = startDebit(person, "0000");
		assertThat(wrong).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(wrong).get("code").asString()).isEqualTo("recovery.card.invalid");
		assertThat(json(wrong).get("type").asString()).isEqualTo("urn:clave:problem:recovery.card.invalid");

		MvcTestResult started = startDebit(person, TestCustomers.PIN);
		assertThat(started).hasStatus(201);
		String token = json(started).get("token").asString();
		assertThat(json(started).get("step").asString()).isEqualTo("CONTACT_CHECK");
		assertThat(json(started).get("maskedMobile").asString()).endsWith(person.mobile().value().substring(6));
		assertThat(contentOf(started)).doesNotContain(user.username());

		// no header, an unknown token, the wrong step
		assertThat(call(this.mvc.get().uri(BASE + "/current"), null, null)).hasStatus(400);
		MvcTestResult unknown = call(this.mvc.get().uri(BASE + "/current"), "no-such-token", null);
		assertThat(unknown).hasStatus(404);
		assertThat(json(unknown).get("code").asString()).isEqualTo("recovery.not-found");
		MvcTestResult early = call(this.mvc.put().uri(BASE + "/current/password"), token,
				Map.of("password", EnrolledUsers.NEW_PASSWORD, "confirmation", EnrolledUsers.NEW_PASSWORD));
		assertThat(early).hasStatus(409);
		assertThat(json(early).get("step").asString()).isEqualTo("CONTACT_CHECK");
		assertThat(call(this.mvc.get().uri(BASE + "/current/challenge-question"), token, null)).hasStatus(409);

		// the clave temporal, read from the SMS
		assertThat(call(this.mvc.post().uri(BASE + "/current/one-time-key"), token, null)).hasStatusOk();
		MvcTestResult coolDown = call(this.mvc.post().uri(BASE + "/current/one-time-key"), token, null);
		assertThat(coolDown).hasStatus(429).headers().containsHeader("Retry-After");
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.lastCode(person.mobile().e164(), 6).isPresent());
		String key = SMS.lastCode(person.mobile().e164(), 6).orElseThrow();
		MvcTestResult wrongKey = call(this.mvc.post().uri(BASE + "/current/one-time-key/verification"), token,
				Map.of("key", "000000".equals(key) ? "111111" : "000000"));
		assertThat(wrongKey).hasStatus(400);
		assertThat(json(wrongKey).get("code").asString()).isEqualTo("recovery.key.wrong");
		MvcTestResult keyAccepted = call(this.mvc.post().uri(BASE + "/current/one-time-key/verification"), token,
				Map.of("key", key));
		assertThat(keyAccepted).hasStatusOk();
		assertThat(json(keyAccepted).get("step").asString()).isEqualTo("CHALLENGE_QUESTION");
		assertThat(json(keyAccepted).get("username").isNull()).isTrue();

		// the question
		MvcTestResult question = call(this.mvc.get().uri(BASE + "/current/challenge-question"), token, null);
		assertThat(question).hasStatusOk();
		String questionId = json(question).get("id").asString();
		assertThat(EnrolledUsers.ANSWERS).containsKey(questionId);
		MvcTestResult wrongAnswer = call(this.mvc.post().uri(BASE + "/current/challenge-question/answer"), token,
				Map.of("answer", "otra cosa"));
		assertThat(wrongAnswer).hasStatus(400);
		assertThat(json(wrongAnswer).get("code").asString()).isEqualTo("recovery.question.wrong");
		MvcTestResult answered = call(this.mvc.post().uri(BASE + "/current/challenge-question/answer"), token,
				Map.of("answer", EnrolledUsers.ANSWERS.get(questionId)));
		assertThat(answered).hasStatusOk();
		assertThat(json(answered).get("step").asString()).isEqualTo("NEW_PASSWORD");
		assertThat(json(answered).get("username").asString()).isEqualTo(user.username());

		// the new password
		MvcTestResult weak = call(this.mvc.put().uri(BASE + "/current/password"), token,
				Map.of("password", "Password1", "confirmation", "Password1"));
		assertThat(weak).hasStatus(400);
		assertThat(json(weak).get("errors").get(0).get("code").asString()).isEqualTo("password.rule.common");
		MvcTestResult done = call(this.mvc.put().uri(BASE + "/current/password"), token,
				Map.of("password", EnrolledUsers.NEW_PASSWORD, "confirmation", EnrolledUsers.NEW_PASSWORD));
		assertThat(done).hasStatusOk();
		assertThat(json(done).get("step").asString()).isEqualTo("COMPLETED");
		assertThat(this.passwords.matches(user.id(), EnrolledUsers.NEW_PASSWORD)).isTrue();
		assertThat(this.passwords.matches(user.id(), EnrolledUsers.OLD_PASSWORD)).isFalse();

		// finished: nothing more to do with this token
		MvcTestResult again = call(this.mvc.put().uri(BASE + "/current/password"), token,
				Map.of("password", "Otra5Clave9", "confirmation", "Otra5Clave9"));
		assertThat(again).hasStatus(410);
		assertThat(json(again).get("code").asString()).isEqualTo("recovery.completed");
		assertThat(this.audit.forSubject("user:" + user.id(), 30)).extracting(RecordedAuditEvent::type)
			.contains("RECOVERY_KEY", "RECOVERY_QUESTION", "RECOVERY_COMPLETED", "RECOVERY_COMPLETED_ERROR");
	}

	@Test
	void answersEveryRefusedCardTheSame() {
		Person withoutUser = this.customers.withCreditCard(CardState.ACTIVE);
		Person enrolledPerson = this.customers.withCreditCard(CardState.ACTIVE);
		this.enrolled.enrol(enrolledPerson);
		MvcTestResult noUser = startCredit(withoutUser, TestCustomers.PIN);
		MvcTestResult wrongPin = startCredit(enrolledPerson, "1111");
		assertThat(noUser).hasStatus(422);
		assertThat(wrongPin).hasStatus(422);
		assertThat(json(noUser).get("detail")).isEqualTo(json(wrongPin).get("detail"));
		assertThat(json(noUser).get("code")).isEqualTo(json(wrongPin).get("code"));
	}

	@Test
	void endsAfterThreeWrongAnswersAndSpeaksEnglish() {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		this.enrolled.enrol(person);
		String token = json(startDebit(person, TestCustomers.PIN)).get("token").asString();
		call(this.mvc.post().uri(BASE + "/current/one-time-key"), token, null);
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.lastCode(person.mobile().e164(), 6).isPresent());
		call(this.mvc.post().uri(BASE + "/current/one-time-key/verification"), token,
				Map.of("key", SMS.lastCode(person.mobile().e164(), 6).orElseThrow()));
		MvcTestResult question = this.mvc.get()
			.uri(BASE + "/current/challenge-question")
			.header(TOKEN, token)
			.header("Accept-Language", "en")
			.exchange();
		// the question is drawn at random from the customer's three: whichever it is, it is the English text
		assertThat(json(question).get("text").asString()).endsWith("?").doesNotContain("¿");
		for (int i = 0; i < 2; i++) {
			assertThat(call(this.mvc.post().uri(BASE + "/current/challenge-question/answer"), token,
					Map.of("answer", "nope"))).hasStatus(400);
		}
		MvcTestResult ended = this.mvc.post()
			.uri(BASE + "/current/challenge-question/answer")
			.header(TOKEN, token)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"nope\"}")
			.exchange();
		assertThat(ended).hasStatus(410);
		assertThat(json(ended).get("detail").asString()).contains("too many times");
		assertThat(call(this.mvc.get().uri(BASE + "/current"), token, null)).hasStatus(410);
	}

	@Test
	void refusesABodyThatIsNotJson() {
		MvcTestResult result = this.mvc.post()
			.uri(BASE + "/debit-card")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json")
			.exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(result).get("code").asString()).isEqualTo("api.body.unreadable");
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private MvcTestResult startDebit(Person person, String pin) {
		return call(this.mvc.post().uri(BASE + "/debit-card"), null, Map.of("cedula", person.cedula().value(),
				"cardNumber", person.cardNumber(), "pin", pin, "issueDate", "03/2024", "expiryYear", "2030"));
	}

	private MvcTestResult startCredit(Person person, String pin) {
		return call(this.mvc.post().uri(BASE + "/credit-card"), null, Map.of("cardNumber", person.cardNumber(),
				"expiryMonth", "08", "expiryYear", "2029", "pin", pin, "savingsAccount", person.accountNumber()));
	}

	private static MvcTestResult call(MockMvcRequestBuilder request, String token, Map<String, String> body) {
		if (token != null) {
			request = request.header(TOKEN, token);
		}
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
		}
		return request.exchange();
	}

	private static JsonNode json(MvcTestResult result) {
		return JSON.readTree(contentOf(result));
	}

	private static String contentOf(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
