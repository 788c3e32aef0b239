package io.clave.server.softtoken;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.clave.otp.Base32;
import io.clave.otp.Totp;
import io.clave.server.identity.SecondFactor;
import io.clave.server.identity.Users;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Token digital on the server, as the app and the customer use it: an activation started on the web, completed
 * by the app through the real HTTP API with the QR's binding key and the SMS code, confirmed with the app's first
 * code; then codes verified once each, and a lock after too many wrong ones.
 */
class SoftTokensTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ClientContext BROWSER = new ClientContext("190.152.10.20", "Firefox");

	private static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	@LocalServerPort
	int port;

	@Autowired
	SoftTokens tokens;

	@Autowired
	TestUsers users;

	@Autowired
	Users registry;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Secrets secrets;

	@Autowired
	SecureRandom random;

	@Autowired
	BankSettings bank;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void activatesWithTheQrAndTheSmsCodeThenTheFirstCodeMakesItTheSecondFactor() throws Exception {
		Enrolled maria = this.users.enrolled(SecondFactor.SOFT_TOKEN_PENDING);
		Activation activation = start(maria);
		assertThat(activation.text()).startsWith("clave-token://activate?v=1&issuer=Banco%20Clave&server=")
			.contains("&id=" + activation.id());

		Answer created = complete(activation.id(), activation.bindingKey(), activation.code(), "Pixel de María");
		assertThat(created.status()).isEqualTo(201);
		byte[] seed = Base32.decode(created.json().get("seed").asString());
		assertThat(seed).hasSize(20);
		assertThat(created.json().get("totp").get("period").asInt()).isEqualTo(30);
		assertThat(created.json().get("signingSuite").asString()).isEqualTo("OCRA-1:HOTP-SHA256-8:QN32-T1M");
		assertThat(Base32.decode(created.json().get("unlockSeed").asString())).hasSize(32);

		String wrongFirstCode = "000000".equals(code(seed, 0)) ? "111111" : "000000";
		assertThat(this.tokens.confirm(maria.userId(), wrongFirstCode, BROWSER, SPANISH))
			.isEqualTo(TokenCheck.WRONG);
		assertThat(this.tokens.confirm(maria.userId(), code(seed, 0), BROWSER, SPANISH)).isEqualTo(TokenCheck.ACCEPTED);
		assertThat(this.tokens.inUse(maria.userId())).hasValueSatisfying(token -> {
			assertThat(token.active()).isTrue();
			assertThat(token.deviceName()).isEqualTo("Pixel de María");
		});
		assertThat(this.registry.findById(maria.userId()).orElseThrow().secondFactor()).isEqualTo(SecondFactor.SOFT_TOKEN);

		assertThat(complete(activation.id(), activation.bindingKey(), activation.code(), "otro").status())
			.as("the seeds leave the server once")
			.isEqualTo(410);
	}

	@Test
	void refusesAWrongBindingKeyAnExpiredActivationAndAfterThreeWrongCodes() throws Exception {
		Enrolled carlos = this.users.enrolled();
		Activation first = start(carlos);
		Answer wrongKey = complete(first.id(), Base32.encodeWithoutPadding(new byte[16]), first.code(), "x");
		assertThat(wrongKey.status()).isEqualTo(410);
		assertThat(wrongKey.json().get("code").asString()).isEqualTo("token.activation.over");

		Answer wrongCode = complete(first.id(), first.bindingKey(), otherCode(first.code()), "x");
		assertThat(wrongCode.status()).isEqualTo(422);
		assertThat(wrongCode.json().get("attemptsLeft").asInt()).isEqualTo(2);
		complete(first.id(), first.bindingKey(), otherCode(first.code()), "x");
		Answer third = complete(first.id(), first.bindingKey(), otherCode(first.code()), "x");
		assertThat(third.status()).isEqualTo(410);
		assertThat(complete(first.id(), first.bindingKey(), first.code(), "x").status())
			.as("even the right code, once the tries are used up")
			.isEqualTo(410);

		this.clock.advance(Duration.ofSeconds(61));
		Activation second = start(carlos);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(complete(second.id(), second.bindingKey(), second.code(), "x").status()).isEqualTo(410);

		assertThat(complete(UUID.randomUUID(), second.bindingKey(), second.code(), "x").status()).isEqualTo(410);
		Answer malformed = complete(second.id(), second.bindingKey(), "12ab", "x");
		assertThat(malformed.status()).isEqualTo(400);
	}

	@Test
	void acceptsEachCodeOnceWithinTheWindowAndLocksAfterFiveWrongOnes() throws Exception {
		Enrolled lucia = this.users.enrolled();
		byte[] seed = activated(lucia);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.tokens.verify(lucia.userId(), code(seed, 0), BROWSER)).isEqualTo(TokenCheck.ACCEPTED);
		assertThat(this.tokens.verify(lucia.userId(), code(seed, 0), BROWSER)).as("replay")
			.isEqualTo(TokenCheck.REPLAYED);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.tokens.verify(lucia.userId(), code(seed, -30), BROWSER)).as("the step before, not yet used")
			.isEqualTo(TokenCheck.REPLAYED);
		assertThat(this.tokens.verify(lucia.userId(), code(seed, 0), BROWSER)).isEqualTo(TokenCheck.ACCEPTED);
		this.clock.advance(Duration.ofSeconds(90));
		assertThat(this.tokens.verify(lucia.userId(), code(seed, -90), BROWSER)).as("outside the window")
			.isEqualTo(TokenCheck.WRONG);

		for (int i = 0; i < 3; i++) {
			assertThat(this.tokens.verify(lucia.userId(), otherCode(code(seed, 0)), BROWSER)).isEqualTo(TokenCheck.WRONG);
		}
		assertThat(this.tokens.verify(lucia.userId(), otherCode(code(seed, 0)), BROWSER)).isEqualTo(TokenCheck.LOCKED);
		assertThat(this.tokens.verify(lucia.userId(), code(seed, 0), BROWSER)).as("locked: the right code too")
			.isEqualTo(TokenCheck.LOCKED);
		assertThat(this.tokens.inUse(lucia.userId()).orElseThrow().state()).isEqualTo("LOCKED");
	}

	@Test
	void aNewTokenReplacesTheOldOneTellsTheCustomerAndSeedsAreNeverStoredInTheClear() throws Exception {
		Enrolled jorge = this.users.enrolled();
		byte[] firstSeed = activated(jorge);
		this.clock.advance(Duration.ofSeconds(61));
		byte[] secondSeed = activated(jorge);
		assertThat(this.jdbc.sql("SELECT state FROM soft_tokens WHERE user_id = ? ORDER BY created_at")
			.param(jorge.userId())
			.query(String.class)
			.list()).containsExactly("REVOKED", "ACTIVE");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(SMS.receivedBy(jorge.person().mobile().e164()))
				.anyMatch(sms -> sms.text().contains("se activó tu Token digital; el anterior quedó desactivado"));
			assertThat(java.util.Arrays.stream(MAIL.getReceivedMessagesForDomain(jorge.person().email().value()))
				.map(com.icegreen.greenmail.util.GreenMailUtil::getHeaders))
				.anyMatch(headers -> headers.contains("Token_digital_activado"));
		});
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.tokens.verify(jorge.userId(), code(firstSeed, 0), BROWSER)).isIn(TokenCheck.WRONG);
		assertThat(this.tokens.verify(jorge.userId(), code(secondSeed, 0), BROWSER)).isEqualTo(TokenCheck.ACCEPTED);

		List<byte[]> boxes = this.jdbc.sql("SELECT seed_box FROM soft_tokens WHERE user_id = ?")
			.param(jorge.userId())
			.query(byte[].class)
			.list();
		for (byte[] box : boxes) {
			assertThat(new String(box, StandardCharsets.ISO_8859_1))
				.doesNotContain(new String(secondSeed, StandardCharsets.ISO_8859_1))
				.doesNotContain(Base32.encodeWithoutPadding(secondSeed));
		}
	}

	@Test
	void rotatingTheSeedKeyKeepsEveryTokenWorking() throws Exception {
		Enrolled ana = this.users.enrolled();
		byte[] seed = activated(ana);
		String newKey = "k2:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
		SoftTokenSettings rotated = settings(List.of(newKey));
		SeedKeys ring = new SeedKeys(rotated, this.secrets, this.random);
		SoftTokenStore store = new SoftTokenStore(this.jdbc);
		SoftTokenStore.Token before = store.findInUse(ana.userId()).orElseThrow();
		assertThat(before.seedKeyId()).isEqualTo(SeedKeys.MASTER);
		// the old key still opens, the new one seals
		SeedKeys.Sealed resealed = ring.seal(new SeedKeys(settings(List.of()), this.secrets, this.random)
			.open(before.seedKeyId(), before.seedBox()));
		assertThat(resealed.keyId()).isEqualTo("k2");
		assertThat(ring.open("k2", resealed.box())).isEqualTo(seed);
	}

	@Test
	void theResealJobMovesEverySeedToTheNewFirstKeyOnceEvenWithTwoInstancesAtOnceAndCodesStillVerify()
			throws Exception {
		Enrolled ana = this.users.enrolled();
		byte[] seed = activated(ana);
		byte[] key = new byte[32];
		this.random.nextBytes(key);
		String k2 = "k2:" + java.util.Base64.getEncoder().encodeToString(key);
		// two instances after the rotation: the new key first, the derived one still in the ring to open older seeds
		SoftTokens first = service(List.of(k2, SeedKeys.MASTER));
		SoftTokens second = service(List.of(k2, SeedKeys.MASTER));
		try {
			long toReseal = notRevokedUnderOtherThan("k2");
			assertThat(toReseal).isPositive();
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			java.util.concurrent.Future<Integer> a = pool.submit(() -> {
				go.await();
				return first.resealSeeds();
			});
			java.util.concurrent.Future<Integer> b = pool.submit(() -> {
				go.await();
				return second.resealSeeds();
			});
			go.countDown();
			assertThat(a.get(30, java.util.concurrent.TimeUnit.SECONDS) + b.get(30, java.util.concurrent.TimeUnit.SECONDS))
				.as("each seed resealed exactly once between the two").isEqualTo((int) toReseal);
			pool.shutdown();
			assertThat(notRevokedUnderOtherThan("k2")).isZero();
			assertThat(first.resealSeeds()).as("nothing left to do").isZero();
			assertThat(new SoftTokenStore(this.jdbc).findInUse(ana.userId()).orElseThrow().seedKeyId()).isEqualTo("k2");

			this.clock.advance(Duration.ofSeconds(30));
			assertThat(first.verify(ana.userId(), code(seed, 0), BROWSER)).isEqualTo(TokenCheck.ACCEPTED);
			assertThat(first.tokensUnderUnknownKeys()).isEmpty();
			assertThat(service(List.of()).tokensUnderUnknownKeys()).as("a ring without k2 cannot open them")
				.containsKey("k2");
		}
		finally {
			// back under the derived key, which is all the rest of the suite's ring has
			service(List.of(SeedKeys.MASTER, k2)).resealSeeds();
		}
		assertThat(notRevokedUnderOtherThan(SeedKeys.MASTER)).isZero();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.tokens.verify(ana.userId(), code(seed, 0), BROWSER)).isEqualTo(TokenCheck.ACCEPTED);
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	@Autowired
	io.clave.server.corebanking.Customers customers;

	@Autowired
	io.clave.server.notification.Notifications notifications;

	@Autowired
	io.clave.server.audit.AuditTrail audit;

	@Autowired
	io.clave.server.onetimekey.OneTimeKeys oneTimeKeys;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	private static SoftTokenSettings settings(List<String> seedKeys) {
		return new SoftTokenSettings(Duration.ofMinutes(5), 3, 1, 5, seedKeys, TokenApp.CLAVE_TOKEN,
				Duration.ofHours(1));
	}

	/** Another instance of the service, as a server with this key ring would run it. */
	private SoftTokens service(List<String> seedKeys) {
		SoftTokenSettings settings = settings(seedKeys);
		return new SoftTokens(new SoftTokenStore(this.jdbc), new SeedKeys(settings, this.secrets, this.random),
				this.registry, this.customers, this.notifications, this.audit, this.secrets, this.random, settings,
				this.bank, this.oneTimeKeys, this.clock, this.transactions, this.meters);
	}

	private long notRevokedUnderOtherThan(String keyId) {
		return this.jdbc.sql("SELECT count(*) FROM soft_tokens WHERE seed_key_id <> ? AND state <> 'REVOKED'")
			.param(keyId)
			.query(Long.class)
			.single();
	}

	record Activation(UUID id, String text, String bindingKey, String code) {
	}

	record Answer(int status, JsonNode json) {
	}

	private Activation start(Enrolled user) {
		int before = SMS.receivedBy(user.person().mobile().e164()).size();
		ActivationStarted started = this.tokens.startActivation(user.userId(), "http://127.0.0.1:" + this.port, BROWSER,
				Locale.forLanguageTag("es-EC"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(user.person().mobile().e164(), before, 8).isPresent());
		String code = SMS.codeAfter(user.person().mobile().e164(), before, 8).orElseThrow();
		String key = URLDecoder.decode(started.activationText().replaceAll(".*&key=", ""), StandardCharsets.UTF_8);
		return new Activation(started.activationId(), started.activationText(), key, code);
	}

	/** An active token: started, completed by the "app", confirmed with its first code; returns its seed. */
	private byte[] activated(Enrolled user) throws Exception {
		Activation activation = start(user);
		byte[] seed = Base32.decode(complete(activation.id(), activation.bindingKey(), activation.code(), "app").json()
			.get("seed")
			.asString());
		assertThat(this.tokens.confirm(user.userId(), code(seed, 0), BROWSER, SPANISH)).isEqualTo(TokenCheck.ACCEPTED);
		return seed;
	}

	private Answer complete(UUID id, String bindingKey, String code, String device) throws Exception {
		String body = "{\"bindingKey\":\"" + bindingKey + "\",\"activationCode\":\"" + code + "\",\"deviceName\":\""
				+ device + "\"}";
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/token-activations/" + id))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), JSON.readTree(response.body()));
	}

	/** The app's code at the server's time plus the offset, computed here with clave-otp as the app does. */
	private String code(byte[] seed, int offsetSeconds) {
		return Totp.defaults().generate(seed, this.clock.instant().plusSeconds(offsetSeconds));
	}

	private static String otherCode(String code) {
		AtomicInteger digit = new AtomicInteger((code.charAt(0) - '0' + 1) % 10);
		return digit.get() + code.substring(1);
	}

}
