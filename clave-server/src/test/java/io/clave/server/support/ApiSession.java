package io.clave.server.support;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.clave.server.support.TestUsers.Enrolled;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mobile app's session in MockMvc tests: logged in through the login API (username, password, the clave
 * temporal read from the SMS) and sent in the X-Auth-Token header with every request, the way the app does it.
 */
public final class ApiSession {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvcTester mvc;

	private final String token;

	private final String language;

	private ApiSession(MockMvcTester mvc, String token, String language) {
		this.mvc = mvc;
		this.token = token;
		this.language = language;
	}

	/** Logs the user in through /api/v1/logins with the clave temporal of the SMS. */
	public static ApiSession signIn(MockMvcTester mvc, Enrolled user) {
		String mobile = user.person().mobile().e164();
		MvcTestResult started = mvc.post()
			.uri("/api/v1/logins")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user.username() + "\"}")
			.exchange();
		assertThat(started.getResponse().getStatus()).as(text(started)).isEqualTo(201);
		String loginToken = json(started).get("loginToken").asString();
		int before = IntegrationTest.SMS.receivedBy(mobile).size();
		MvcTestResult password = mvc.post()
			.uri("/api/v1/logins/password")
			.header("Login-Token", loginToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"" + TestUsers.PASSWORD + "\"}")
			.exchange();
		assertThat(password.getResponse().getStatus()).as(text(password)).isEqualTo(200);
		String key = await().atMost(Duration.ofSeconds(10))
			.until(() -> IntegrationTest.SMS.codeAfter(mobile, before, 6).orElse(null), code -> code != null);
		MvcTestResult signedIn = mvc.post()
			.uri("/api/v1/logins/second-factor")
			.header("Login-Token", loginToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + key + "\"}")
			.exchange();
		assertThat(signedIn.getResponse().getStatus()).as(text(signedIn)).isEqualTo(200);
		// the login notice (it names the IP address), delivered before the test goes on, so that the test counts
		// messages from a quiet phone
		await().atMost(Duration.ofSeconds(10))
			.until(() -> IntegrationTest.SMS.receivedBy(mobile)
				.stream()
				.skip(before)
				.anyMatch(sms -> sms.text().contains("127.0.0.1")));
		return new ApiSession(mvc, json(signedIn).get("sessionToken").asString(), "es");
	}

	/** The same session, asking for English answers. */
	public ApiSession inEnglish() {
		return new ApiSession(this.mvc, this.token, "en");
	}

	public String token() {
		return this.token;
	}

	public MvcTestResult get(String uri) {
		return exchange(this.mvc.get().uri(uri));
	}

	/** A JSON post; headers are name, value, name, value… */
	public MvcTestResult post(String uri, String body, String... headers) {
		MockMvcRequestBuilder request = this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
		for (int i = 0; i < headers.length; i += 2) {
			request = request.header(headers[i], headers[i + 1]);
		}
		return exchange(request);
	}

	public MvcTestResult exchange(MockMvcRequestBuilder request) {
		return request.header("X-Auth-Token", this.token).header("Accept-Language", this.language).exchange();
	}

	public static JsonNode json(MvcTestResult result) {
		return JSON.readTree(text(result));
	}

	public static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
