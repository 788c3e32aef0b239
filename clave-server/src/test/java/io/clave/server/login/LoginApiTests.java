package io.clave.server.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.clave.server.support.IntegrationTest;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The login through the JSON API, as the mobile app does it, against the running server. */
class LoginApiTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void logsInAndUsesTheSessionTokenUntilLogout() throws Exception {
		Enrolled user = this.users.enrolled();
		Answer started = post("/api/v1/logins", null, "{\"username\":\"" + user.username() + "\"}");
		assertThat(started.status()).isEqualTo(201);
		assertThat(started.json().get("securityImage").get("url").asString())
			.isEqualTo("/images/security/" + TestUsers.IMAGE + ".svg");
		assertThat(started.json().get("securityPhrase").asString()).isEqualTo(TestUsers.PHRASE);
		String token = started.json().get("loginToken").asString();

		Answer password = post("/api/v1/logins/password", token, "{\"password\":\"" + TestUsers.PASSWORD + "\"}");
		assertThat(password.status()).isEqualTo(200);
		assertThat(password.json().get("next").asString()).isEqualTo("SECOND_FACTOR");
		assertThat(password.json().get("maskedMobile").asString()).isEqualTo(user.person().mobile().masked());

		Answer early = post("/api/v1/logins/second-factor/key", token, "");
		assertThat(early.status()).isEqualTo(429);
		assertThat(early.headers().firstValue("Retry-After")).isPresent();

		Answer wrongFormat = post("/api/v1/logins/second-factor", token, "{\"code\":\"abc\"}");
		assertProblem(wrongFormat, 400, "login.key.format");

		Answer signedIn = post("/api/v1/logins/second-factor", token, "{\"code\":\"" + awaitKey(user) + "\"}");
		assertThat(signedIn.status()).isEqualTo(200);
		String session = signedIn.json().get("sessionToken").asString();
		assertThat(signedIn.headers().firstValue("X-Auth-Token")).hasValue(session);
		assertThat(signedIn.headers().firstValue("Set-Cookie")).as("the API never uses cookies").isEmpty();

		Answer me = get("/api/v1/me/session", session);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(user.username());

		assertThat(post("/api/v1/logins/second-factor", token, "{\"code\":\"123456\"}").status())
			.as("a finished login cannot be replayed")
			.isEqualTo(410);
		assertThat(delete("/api/v1/me/session", session).status()).isEqualTo(204);
		assertProblem(get("/api/v1/me/session", session), 401, "session.required");
	}

	@Test
	void refusesAnUnknownUsernameExactlyLikeAWrongPassword() throws Exception {
		Answer unknown = post("/api/v1/logins", null, "{\"username\":\"noexisteesteusuario\"}");
		assertThat(unknown.status()).isEqualTo(201);
		assertThat(unknown.json().get("securityImage").get("url").asString()).startsWith("/images/security/");
		Answer unknownPassword = post("/api/v1/logins/password", unknown.json().get("loginToken").asString(),
				"{\"password\":\"Cualquiera1\"}");

		Enrolled user = this.users.enrolled();
		Answer known = post("/api/v1/logins", null, "{\"username\":\"" + user.username() + "\"}");
		Answer wrongPassword = post("/api/v1/logins/password", known.json().get("loginToken").asString(),
				"{\"password\":\"Cualquiera1\"}");

		assertProblem(unknownPassword, 401, "login.failed");
		assertProblem(wrongPassword, 401, "login.failed");
		assertThat(unknownPassword.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
	}

	@Test
	void answers429WithRetryAfterToTooManyAttemptsForOneUsername() throws Exception {
		String username = "nadie" + System.nanoTime();
		Answer last = null;
		for (int i = 0; i < 11; i++) {
			Answer started = post("/api/v1/logins", null, "{\"username\":\"" + username + "\"}");
			last = post("/api/v1/logins/password", started.json().get("loginToken").asString(),
					"{\"password\":\"Cualquiera1\"}");
		}
		assertProblem(last, 429, "login.rate-limited");
		assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
	}

	@Test
	void isDocumentedInTheOpenApiDescription() throws Exception {
		Answer docs = send(HttpRequest.newBuilder(uri("/v3/api-docs")));
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/logins", "/api/v1/logins/password",
				"/api/v1/logins/second-factor", "/api/v1/logins/second-factor/key", "/api/v1/me/session");
	}

	@Test
	void answersProblemsForBadRequests() throws Exception {
		assertProblem(post("/api/v1/logins", null, "{\"username\":\"\"}"), 400, "login.username.required");
		assertProblem(post("/api/v1/logins", null, "{not json"), 400, "login.api.body-unreadable");
		assertProblem(post("/api/v1/logins/password", null, "{\"password\":\"x\"}"), 400, "login.api.token-missing");
		assertProblem(post("/api/v1/logins/password", "made-up-token", "{\"password\":\"x\"}"), 410, "login.over");
		assertProblem(get("/api/v1/me/session", "not-a-session"), 401, "session.required");
	}

	@Test
	void locksAfterWrongCodesAndSaysSo() throws Exception {
		Enrolled user = this.users.enrolled();
		Answer started = post("/api/v1/logins", null, "{\"username\":\"" + user.username() + "\"}");
		String token = started.json().get("loginToken").asString();
		post("/api/v1/logins/password", token, "{\"password\":\"" + TestUsers.PASSWORD + "\"}");
		String key = awaitKey(user);
		String wrong = key.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 2; i++) {
			assertProblem(post("/api/v1/logins/second-factor", token, "{\"code\":\"" + wrong + "\"}"), 401,
					"login.key.wrong");
		}
		Answer exhausted = post("/api/v1/logins/second-factor", token, "{\"code\":\"" + wrong + "\"}");
		assertProblem(exhausted, 400, "login.key.new-needed");
		for (int i = 0; i < 2; i++) {
			Answer another = post("/api/v1/logins", null, "{\"username\":\"" + user.username() + "\"}");
			post("/api/v1/logins/password", another.json().get("loginToken").asString(), "{\"password\":\"Nop3Nop3\"}");
		}
		assertProblem(post("/api/v1/logins/second-factor", token, "{\"code\":\"" + key + "\"}"), 423, "login.locked");
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	record Answer(int status, java.net.http.HttpHeaders headers, String raw, JsonNode json) {
	}

	private static void assertProblem(Answer answer, int status, String code) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.json().get("code").asString()).isEqualTo(code);
		assertThat(answer.json().get("detail").asString()).isNotBlank();
		assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("org.springframework");
	}

	private static String awaitKey(Enrolled user) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.lastCode(user.person().mobile().e164(), 6).isPresent());
		return SMS.lastCode(user.person().mobile().e164(), 6).orElseThrow();
	}

	private Answer post(String path, String loginToken, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (loginToken != null) {
			request.header("Login-Token", loginToken);
		}
		return send(request);
	}

	private Answer get(String path, String session) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("X-Auth-Token", session));
	}

	private Answer delete(String path, String session) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("X-Auth-Token", session).DELETE());
	}

	private Answer send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		return new Answer(response.statusCode(), response.headers(), body,
				body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
