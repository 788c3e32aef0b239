package io.clave.server.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import io.clave.server.ClaveApplication;
import io.clave.server.notification.Channels;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.TestPeople;
import io.clave.server.support.SmsGatewayStub;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Clave on one PostgreSQL, as a bank runs them behind a load balancer: the test's own application
 * and a second one started here. Lockout counts stay exact when attempts reach both at once, and a session opened on
 * one is good on the other, also after that other was restarted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests extends IntegrationTest {

	private static final Pattern JSON_STRING = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ConfigurableApplicationContext second;

	@BeforeAll
	void startTheSecondInstance() {
		this.second = startInstance();
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void countsWrongPasswordsArrivingAtBothInstancesAtOnceExactly() throws Exception {
		Enrolled user = this.users.enrolled();
		List<String> instances = List.of(base(this.port), base(portOf(this.second)));

		attemptInParallel(user, instances, 4);
		assertThat(counts(user)).isEqualTo(Map.of("failed", 4, "locks", 0));

		// six more (ten in all: the per-username rate limit allows ten a minute)
		attemptInParallel(user, instances, 6);
		assertThat(counts(user)).as("the fifth failure locked; the five after it were not counted")
			.isEqualTo(Map.of("failed", 0, "locks", 1));
		assertThat(reasons(user)).filteredOn(reason -> reason.startsWith("wrong-password")).hasSize(5);
		assertThat(reasons(user)).filteredOn("wrong-password-now-temporarily-locked"::equals).hasSize(1);
		assertThat(reasons(user)).filteredOn("account-temporarily-locked"::equals).hasSize(5);
	}

	@Test
	void aSessionOpenedOnOneInstanceIsGoodOnTheOtherAndAfterItRestarts() throws Exception {
		Enrolled user = this.users.enrolled();
		String first = base(this.port);
		String session = logIn(first, user);

		HttpResponse<String> onSecond = get(base(portOf(this.second)) + "/api/v1/me/session", session);
		assertThat(onSecond.statusCode()).isEqualTo(200);
		assertThat(onSecond.body()).contains(user.username());

		// the pages read the same session from the SESSION cookie
		String cookie = Base64.getEncoder().encodeToString(session.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(
				URI.create(base(portOf(this.second)) + "/banca/aviso-token"))
			.header("Cookie", "SESSION=" + cookie)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);

		this.second.close();
		this.second = startInstance();
		assertThat(get(base(portOf(this.second)) + "/api/v1/me/session", session).statusCode()).isEqualTo(200);
		assertThat(get(first + "/api/v1/me/session", session).statusCode()).isEqualTo(200);

		HttpResponse<String> logout = this.http.send(HttpRequest.newBuilder(URI.create(first + "/api/v1/me/session"))
			.header("X-Auth-Token", session)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(logout.statusCode()).isEqualTo(204);
		assertThat(get(base(portOf(this.second)) + "/api/v1/me/session", session).statusCode()).isEqualTo(401);
	}

	@Test
	void aLoginStartedOnOneInstanceFinishesOnTheOther() throws Exception {
		Enrolled user = this.users.enrolled();
		String first = base(this.port);
		String other = base(portOf(this.second));
		int before = SMS.receivedBy(user.person().mobile().e164()).size();

		String token = startLogin(first, user);
		assertThat(post(other + "/api/v1/logins/password", token, "{\"password\":\"" + TestUsers.PASSWORD + "\"}")
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(user.person().mobile().e164(), before, 6).isPresent());
		HttpResponse<String> signedIn = post(first + "/api/v1/logins/second-factor", token,
				"{\"code\":\"" + SMS.codeAfter(user.person().mobile().e164(), before, 6).orElseThrow() + "\"}");

		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(get(other + "/api/v1/me/session", field(signedIn.body(), "sessionToken")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void withBothDispatchersRunningEachMessageIsSentOnce() {
		List<PhoneNumber> phones = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			phones.add(TestPeople.newMobile());
		}
		int requestsBefore = SMS.requestCount();
		this.transactions.executeWithoutResult(status -> phones.forEach(phone -> this.notifications
			.sendOneTimeKey(new Recipient("Rosa", phone, TestPeople.newEmail()), Channels.SMS, "LOGIN", "123456",
					Duration.ofMinutes(5), Locale.forLanguageTag("es-EC"))));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> phones.stream().allMatch(phone -> !SMS.receivedBy(phone.e164()).isEmpty()));
		// a moment more, for a second delivery to show if there were one
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
		assertThat(phones).allSatisfy(phone -> assertThat(SMS.receivedBy(phone.e164())).hasSize(1));
		assertThat(SMS.requestCount() - requestsBefore).isGreaterThanOrEqualTo(30);
	}

	@Test
	void theRateLimitPerUsernameCountsAttemptsAtBothInstances() throws Exception {
		String nobody = "nadie" + Long.toString(System.nanoTime(), 36);
		List<String> instances = List.of(base(this.port), base(portOf(this.second)));
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String instance = instances.get(i % 2);
			HttpResponse<String> started = post(instance + "/api/v1/logins", null, "{\"username\":\"" + nobody + "\"}");
			if (started.statusCode() != 201) {
				statuses.add(started.statusCode());
				continue;
			}
			statuses.add(post(instance + "/api/v1/logins/password", field(started.body(), "loginToken"),
					"{\"password\":\"Equivocada9\"}").statusCode());
		}
		assertThat(statuses).as("ten a minute per username, wherever they arrive").containsOnly(401, 429);
		assertThat(statuses.stream().filter(status -> status == 401).count()).isEqualTo(10);
	}

	// ---- the two instances -------------------------------------------------------------------------------------

	private ConfigurableApplicationContext startInstance() {
		HikariDataSource shared = (HikariDataSource) this.dataSource;
		// command-line arguments, because application.yml outranks the builder's default properties
		return new SpringApplicationBuilder(ClaveApplication.class).profiles("test")
			.run("--spring.datasource.url=" + shared.getJdbcUrl(), "--spring.datasource.username=postgres",
					"--spring.datasource.password=postgres", "--server.port=0", "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + MAIL.getSmtp().getPort(), "--clave.notification.sms.http.url=" + SMS.url(),
					"--clave.notification.sms.http.authorization=" + SmsGatewayStub.AUTHORIZATION);
	}

	private static int portOf(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String base(int port) {
		return "http://127.0.0.1:" + port;
	}

	// ---- what a client does -------------------------------------------------------------------------------------

	private void attemptInParallel(Enrolled user, List<String> instances, int attempts) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				String instance = instances.get(i % instances.size());
				calls.add(() -> {
					String token = startLogin(instance, user);
					return post(instance + "/api/v1/logins/password", token, "{\"password\":\"Equivocada9\"}")
						.statusCode();
				});
			}
			for (Future<Integer> status : pool.invokeAll(calls)) {
				assertThat(status.get()).isEqualTo(401);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private String logIn(String instance, Enrolled user) throws Exception {
		String token = startLogin(instance, user);
		assertThat(post(instance + "/api/v1/logins/password", token,
				"{\"password\":\"" + TestUsers.PASSWORD + "\"}").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.lastCode(user.person().mobile().e164(), 6).isPresent());
		String key = SMS.lastCode(user.person().mobile().e164(), 6).orElseThrow();
		HttpResponse<String> signedIn = post(instance + "/api/v1/logins/second-factor", token,
				"{\"code\":\"" + key + "\"}");
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.headers().firstValue("X-Auth-Token")).isPresent();
		return field(signedIn.body(), "sessionToken");
	}

	private String startLogin(String instance, Enrolled user) throws Exception {
		HttpResponse<String> started = post(instance + "/api/v1/logins", null,
				"{\"username\":\"" + user.username() + "\"}");
		assertThat(started.statusCode()).isEqualTo(201);
		return field(started.body(), "loginToken");
	}

	private HttpResponse<String> post(String url, String loginToken, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (loginToken != null) {
			request.header("Login-Token", loginToken);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url, String session) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", session).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile(String.format(JSON_STRING.pattern(), name)).matcher(json);
		assertThat(matcher.find()).as(name + " in " + json).isTrue();
		return matcher.group(1);
	}

	private Map<String, Integer> counts(Enrolled user) {
		return this.jdbc.sql("SELECT failed_attempts, temporary_locks FROM users WHERE id = ?")
			.param(user.userId())
			.query((rs, row) -> Map.of("failed", rs.getInt(1), "locks", rs.getInt(2)))
			.single();
	}

	private List<String> reasons(Enrolled user) {
		return this.jdbc.sql("""
				SELECT details->>'reason' FROM audit_events
				WHERE subject = ? AND type = 'LOGIN' AND details->>'reason' IS NOT NULL ORDER BY id""")
			.param(user.subject())
			.query(String.class)
			.list();
	}

}
