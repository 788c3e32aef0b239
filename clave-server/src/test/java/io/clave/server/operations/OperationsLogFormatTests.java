package io.clave.server.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log format is one setting: CLAVE_LOG_FORMAT empty keeps the human-readable lines of the demo, a format name
 * turns every line into a JSON object with the request id in it.
 */
class OperationsLogFormatTests {

	@Test
	void theLogFormatFollowsClaveLogFormatAndIsTextByDefault() throws IOException {
		assertThat(settings(Map.of()).getProperty("logging.structured.format.console")).isEmpty();
		assertThat(settings(Map.of("CLAVE_LOG_FORMAT", "ecs")).getProperty("logging.structured.format.console"))
			.isEqualTo("ecs");
		assertThat(settings(Map.of()).getProperty("logging.pattern.correlation")).contains("%X{requestId");
	}

	@Test
	void aJsonLineCarriesTheRequestIdAndTheMessage() {
		LoggerContext logging = new LoggerContext();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("app", Map.of("spring.application.name", "clave")));
		logging.putObject(Environment.class.getName(), environment);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(logging);
		encoder.setFormat("ecs");
		encoder.start();
		LoggingEvent event = new LoggingEvent(getClass().getName(), logging.getLogger("io.clave.server.login.Logins"),
				Level.WARN, "Login refused", null, null);
		event.setMDCPropertyMap(Map.of(RequestIds.LOG_KEY, "lb-7f3a9c21.edge"));

		String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

		JsonNode json = JsonMapper.builder().build().readTree(line);
		assertThat(json.path("message").asString()).isEqualTo("Login refused");
		assertThat(json.path(RequestIds.LOG_KEY).asString()).isEqualTo("lb-7f3a9c21.edge");
		assertThat(line.strip()).doesNotContain("\n");
	}

	@Test
	void theRequestIdIsInTheLogContextOnlyWhileTheRequestRuns() throws Exception {
		AtomicReference<String> during = new AtomicReference<>();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ingreso");
		request.addHeader(RequestIds.HEADER, "app-4f1c2b7e");
		MockHttpServletResponse response = new MockHttpServletResponse();

		new RequestIds().doFilter(request, response,
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
				}, (servletRequest, servletResponse, chain) -> during.set(MDC.get(RequestIds.LOG_KEY))));

		assertThat(during.get()).isEqualTo("app-4f1c2b7e");
		assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("app-4f1c2b7e");
		assertThat(MDC.get(RequestIds.LOG_KEY)).isNull();
	}

	@Test
	void onlyWellFormedIdsAreKept() {
		assertThat(RequestIds.accepted("4f1c2b7e-0d6a-4c1e-9a55-2f1d7c8e9b10"))
			.isEqualTo("4f1c2b7e-0d6a-4c1e-9a55-2f1d7c8e9b10");
		assertThat(RequestIds.accepted("short")).isNotEqualTo("short");
		assertThat(RequestIds.accepted("id\nERROR forged line")).doesNotContain("\n", "forged");
		assertThat(RequestIds.accepted("a".repeat(65))).hasSize(36);
		assertThat(RequestIds.accepted(null)).hasSize(36);
	}

	private static Environment settings(Map<String, Object> variables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
		for (PropertySource<?> document : new YamlPropertySourceLoader().load("application.yml",
				new ClassPathResource("application.yml"))) {
			environment.getPropertySources().addLast(document);
		}
		return environment;
	}

}
