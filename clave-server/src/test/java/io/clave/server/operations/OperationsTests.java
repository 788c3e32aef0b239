package io.clave.server.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.clave.server.backoffice.SignedInOperator;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.TestTokens;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.server.support.WebSession;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * What the bank's operations team sees: health for the load balancer and, in detail, for operators; Prometheus
 * metrics for the scraper that holds the token; a request id on every response and log line; the bank's colours.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTests extends IntegrationTest {

	static final String SCRAPER_TOKEN = "test-only-metrics-token-0123456789abcdef";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestTokens tokens;

	@Autowired
	TaskScheduler scheduler;

	// ---- health -------------------------------------------------------------------------------------------------

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient outboxJdbc;

	@Test
	void healthTellsALoadBalancerTheStatusOnly() {
		MvcTestResult health = this.mvc.get().uri("/actuator/health").exchange();

		assertThat(health).hasStatusOk();
		assertThat(health).bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(health).bodyText().doesNotContain("components", "db", "sms", "mail");
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
	}

	@Test
	void healthShowsTheDatabaseSmtpAndSmsGatewayToAnOperatorButNeverACredential() {
		MvcTestResult health = this.mvc.get().uri("/actuator/health").with(operator()).exchange();

		assertThat(health).hasStatusOk();
		assertThat(health).bodyJson().extractingPath("$.components.db.status").isEqualTo("UP");
		assertThat(health).bodyJson().extractingPath("$.components.mail.status").isEqualTo("UP");
		assertThat(health).bodyJson().extractingPath("$.components.sms.status").isEqualTo("UP");
		assertThat(health).bodyJson().extractingPath("$.components.sms.details.adapter").isEqualTo("http");
		assertThat(health).bodyJson().extractingPath("$.components.sms.details.host").isEqualTo("127.0.0.1");
		assertThat(health).bodyText().doesNotContain("test-sms-gateway-token", "/sms");
	}

	@Test
	void healthDetailsAreNotForCustomers() {
		MvcTestResult health = this.mvc.get().uri("/actuator/health").with(customer()).exchange();

		assertThat(health).hasStatusOk().bodyText().doesNotContain("components");
	}

	@Test
	void theSmsGatewayIsCheckedWithoutSendingAnSms() {
		// earlier tests' messages still in the outbox would arrive meanwhile: let them go first
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.outboxJdbc.sql("""
					SELECT count(*) FROM notification_outbox
					WHERE state = 'PENDING' AND next_attempt_at < now() + interval '10 seconds'""")
				.query(Long.class)
				.single() == 0);
		int received = SMS.received().size();

		this.mvc.get().uri("/actuator/health").with(operator()).exchange();

		assertThat(SMS.received()).hasSize(received);
	}

	// ---- metrics ------------------------------------------------------------------------------------------------

	@Test
	void prometheusAnswersOnlyTheScraperWithTheToken() {
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatus(401).hasHeader("WWW-Authenticate", "Bearer");
		assertThat(this.mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer not-the-token"))
			.hasStatus(401);
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(customer())).hasStatus(403);
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(operator())).hasStatus(403);
		assertThat(scrape()).hasStatusOk().bodyText().contains("# TYPE");
	}

	@Test
	void noOtherEndpointIsOpenEvenToTheScraper() {
		for (String endpoint : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
				"/actuator/configprops", "/actuator/loggers", "/actuator/metrics", "/actuator/threaddump")) {
			assertThat(this.mvc.get().uri(endpoint).exchange().getResponse().getStatus()).as(endpoint)
				.isGreaterThanOrEqualTo(400);
			assertThat(this.mvc.get()
				.uri(endpoint)
				.header("Authorization", "Bearer " + SCRAPER_TOKEN)
				.exchange()
				.getResponse()
				.getStatus()).as(endpoint).isGreaterThanOrEqualTo(400);
			assertThat(this.mvc.get().uri(endpoint).with(operator()).exchange().getResponse().getStatus()).as(endpoint)
				.isGreaterThanOrEqualTo(400);
		}
	}

	@Test
	void aLoginCountsTheClaveTemporalSentAndVerifiedTheLoginAndItsDeliveryWithoutPersonalData() {
		double sent = value("clave_one_time_keys_sent_total", "purpose=\"login\"", "channel=\"sms\"");
		double verified = value("clave_one_time_keys_verified_total", "purpose=\"login\"", "outcome=\"accepted\"");
		double logins = value("clave_logins_total", "outcome=\"success\"");
		Enrolled maria = this.users.enrolled();

		new WebSession(this.mvc).signIn(maria);

		assertThat(value("clave_one_time_keys_sent_total", "purpose=\"login\"", "channel=\"sms\"")).isEqualTo(sent + 1);
		assertThat(value("clave_one_time_keys_verified_total", "purpose=\"login\"", "outcome=\"accepted\""))
			.isEqualTo(verified + 1);
		assertThat(value("clave_logins_total", "outcome=\"success\"")).isEqualTo(logins + 1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(value("clave_outbox_delivery_seconds_count", "channel=\"sms\"")).isPositive();
			assertThat(value("clave_outbox_delivery_seconds_count", "channel=\"email\"")).isPositive();
		});
		assertThat(value("clave_outbox_backlog")).isNotNegative();
		assertThat(metrics()).doesNotContain(maria.username(), maria.person().mobile().value().substring(1),
				maria.person().email().value(), maria.userId().toString());
	}

	@Test
	void wrongPasswordsAndWrongKeysAreCountedAndALockTooWithoutPersonalData() {
		double wrong = value("clave_logins_total", "outcome=\"wrong_password\"");
		double locks = value("clave_lockouts_total", "kind=\"temporary\"");
		Enrolled jorge = this.users.enrolled();

		for (int i = 0; i < 5; i++) {
			WebSession browser = new WebSession(this.mvc);
			browser.post("/ingreso", "username", jorge.username());
			browser.post("/ingreso/clave", "password", "Equivocada" + i);
		}

		assertThat(value("clave_logins_total", "outcome=\"wrong_password\"")).isEqualTo(wrong + 5);
		assertThat(value("clave_lockouts_total", "kind=\"temporary\"")).isEqualTo(locks + 1);
	}

	@Test
	void aTokenActivationIsCounted() {
		double created = value("clave_token_activations_total", "app=\"clave_token\"", "outcome=\"created\"");

		this.tokens.activate(this.users.enrolled());

		assertThat(value("clave_token_activations_total", "app=\"clave_token\"", "outcome=\"created\""))
			.isEqualTo(created + 1);
	}

	// ---- request ids and log lines ------------------------------------------------------------------------------

	@Test
	void everyResponseCarriesARequestIdAndAWellFormedOneSentIsKept() {
		String generated = this.mvc.get().uri("/ingreso").exchange().getResponse().getHeader(RequestIds.HEADER);
		assertThat(generated).matches("[0-9a-f-]{36}");
		assertThat(this.mvc.get().uri("/ingreso").header(RequestIds.HEADER, "lb-7f3a9c21.edge"))
			.hasHeader(RequestIds.HEADER, "lb-7f3a9c21.edge");
		String forged = this.mvc.get()
			.uri("/ingreso")
			.header(RequestIds.HEADER, "x\" level=ERROR msg=forged")
			.exchange()
			.getResponse()
			.getHeader(RequestIds.HEADER);
		assertThat(forged).matches("[0-9a-f-]{36}");
		assertThat(this.mvc.get().uri("/actuator/health")).containsHeader(RequestIds.HEADER);
	}

	@Test
	void aLogLineWrittenDuringARequestCarriesItsId(CapturedOutput output) {
		this.mvc.get()
			.uri("/error")
			.header(RequestIds.HEADER, "ops-test-5150a")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.exchange();

		assertThat(Arrays.stream(output.getAll().split("\n")).filter(line -> line.contains("Request to ")))
			.isNotEmpty()
			.allMatch(line -> line.contains("[ops-test-5150a]"));
		assertThat(MDC.get(RequestIds.LOG_KEY)).as("nothing left behind on the thread").isNull();
	}

	@Test
	void scheduledWorkRunsWithAJobIdOfItsOwn() {
		AtomicReference<String> seen = new AtomicReference<>();

		this.scheduler.schedule(() -> seen.set(String.valueOf(MDC.get(RequestIds.LOG_KEY))), Instant.now());

		await().atMost(Duration.ofSeconds(5)).until(() -> seen.get() != null);
		assertThat(seen.get()).startsWith("job-");
	}

	// ---- the bank's look ----------------------------------------------------------------------------------------

	@Test
	void theBanksColoursReachEveryPageThroughAStylesheet() {
		MvcTestResult css = this.mvc.get().uri("/css/brand.css").exchange();

		assertThat(css).hasStatusOk().hasContentTypeCompatibleWith("text/css");
		assertThat(css).bodyText().contains("--brand: #0b5d3b;", "--accent: #f2c14e;", "--brand-dark: #");
		assertThat(this.mvc.get().uri("/ingreso")).bodyText().contains("/css/brand.css").doesNotContain("style=");
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private MvcTestResult scrape() {
		return this.mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + SCRAPER_TOKEN).exchange();
	}

	private String metrics() {
		try {
			return scrape().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The sum of a metric's samples whose labels include all of these, or 0 when there is none yet. */
	private double value(String metric, String... labels) {
		return Arrays.stream(metrics().split("\n"))
			.filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
			.filter(line -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private static RequestPostProcessor operator() {
		SignedInOperator operator = new SignedInOperator(UUID.randomUUID(), "ops.monitor", Set.of("SUPERVISOR"),
				Instant.now());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(operator, null,
				operator.authorities().stream().map(SimpleGrantedAuthority::new).toList()));
	}

	private static RequestPostProcessor customer() {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(
				new SignedInCustomer(UUID.randomUUID(), 1L, "cliente01", Instant.now()), null,
				List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))));
	}

}
