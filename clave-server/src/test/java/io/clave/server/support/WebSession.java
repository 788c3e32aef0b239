package io.clave.server.support;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * One visitor's session in MockMvc tests, kept the way a browser keeps it: the SESSION cookie of Spring Session,
 * sent with every request and replaced when the server issues a new one (at login, the session id changes).
 */
public final class WebSession {

	private final MockMvcTester mvc;

	private @Nullable Cookie cookie;

	private String language = "es";

	public WebSession(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	public WebSession inEnglish() {
		this.language = "en";
		return this;
	}

	public MvcTestResult get(String uri) {
		return exchange(this.mvc.get().uri(uri));
	}

	/**
	 * Logs the user in as a customer does: username, password, then the clave temporal read from the SMS.
	 * @return this session, now signed in
	 */
	public WebSession signIn(TestUsers.Enrolled user) {
		String mobile = user.person().mobile().e164();
		post("/ingreso", "username", user.username());
		int before = IntegrationTest.SMS.receivedBy(mobile).size();
		assertThat(post("/ingreso/clave", "password", TestUsers.PASSWORD)).hasRedirectedUrl("/ingreso/segundo-factor");
		await().atMost(Duration.ofSeconds(10)).until(() -> IntegrationTest.SMS.codeAfter(mobile, before, 6).isPresent());
		assertThat(post("/ingreso/segundo-factor", "key", IntegrationTest.SMS.codeAfter(mobile, before, 6).orElseThrow()))
			.redirectedUrl()
			.startsWith("/banca");
		return this;
	}

	/** A form post with a valid CSRF token; params are name, value, name, value… */
	public MvcTestResult post(String uri, String... params) {
		MockMvcRequestBuilder request = this.mvc.post().uri(uri).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return exchange(request);
	}

	public MvcTestResult exchange(MockMvcRequestBuilder request) {
		if (this.cookie != null) {
			request = request.cookie(this.cookie);
		}
		request = request.header("Accept-Language", this.language);
		MvcTestResult result = request.exchange();
		Cookie issued = result.getResponse().getCookie("SESSION");
		if (issued != null) {
			this.cookie = issued.getMaxAge() == 0 ? null : issued;
		}
		return result;
	}

	public @Nullable String sessionId() {
		return this.cookie == null ? null : this.cookie.getValue();
	}

	/** Another browser holding the same cookie, as a thief who copied it would. */
	public WebSession copy() {
		WebSession copy = new WebSession(this.mvc);
		copy.cookie = this.cookie;
		copy.language = this.language;
		return copy;
	}

	/** Forgets the session, as a new browser would. */
	public void clear() {
		this.cookie = null;
	}

}
