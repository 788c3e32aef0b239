package io.clave.server.softtoken;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.SecondFactor;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestTokens;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.server.support.WebSession;
import io.clave.token.QrCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bank that lets its customers use a standard authenticator app (clave.softtoken.app=STANDARD_AUTHENTICATOR): the
 * same "Activación Token Digital" pages prove the mobile with a clave temporal, then show an {@code otpauth://totp/}
 * QR. The QR is read from the page with ZXing and the codes are computed by Debian's {@code oathtool}, independently
 * of the server's TOTP code: the first one confirms the token, the next logs in, a replay is refused. The app cannot
 * sign transactions, and "Desbloqueo App" only lifts the server's lock. Tokens of the bank's app activated before
 * the switch keep working as they were.
 */
@TestPropertySource(properties = StandardAuthenticatorTests.STANDARD)
class StandardAuthenticatorTests extends IntegrationTest {

	static final String STANDARD = "clave.softtoken.app=STANDARD_AUTHENTICATOR";

	private static final String ACTIVATION = "/banca/servicios/segundo-factor/activacion";

	private static final ClientContext BROWSER = new ClientContext("190.152.10.20", "Firefox");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestTokens claveTokens;

	@Autowired
	SoftTokens tokens;

	@Autowired
	ChallengeQuestions questions;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void activatesAStandardAppThroughThePagesAndLogsInWithOathtoolCodes() throws Exception {
		Enrolled maria = this.users.enrolled(SecondFactor.SOFT_TOKEN_PENDING);
		WebSession browser = new WebSession(this.mvc).signIn(maria);
		answerTheQuestion(browser);
		assertThat(body(browser.get(ACTIVATION))).contains("¿Esta es tu imagen de seguridad?")
			.contains("Google Authenticator, Microsoft Authenticator o FreeOTP");

		// the terms, then a clave temporal by SMS before any secret is shown
		String mobile = maria.person().mobile().e164();
		int before = SMS.receivedBy(mobile).size();
		assertThat(browser.post(ACTIVATION + "/codigo-qr", "acceptTerms", "true"))
			.hasRedirectedUrl(ACTIVATION + "/clave-temporal");
		assertThat(body(browser.get(ACTIVATION + "/clave-temporal"))).contains("Te enviamos una Clave de Seguridad Temporal")
			.doesNotContain("otpauth");
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.codeAfter(mobile, before, 6).isPresent());
		String key = SMS.codeAfter(mobile, before, 6).orElseThrow();
		assertThat(body(browser.post(ACTIVATION + "/clave-temporal", "key", "12ab")))
			.contains("La clave temporal tiene solo dígitos");
		assertThat(body(browser.post(ACTIVATION + "/clave-temporal", "key", otherCode(key))))
			.contains("La clave temporal no es correcta")
			.doesNotContain("standard-qr");

		String qrPage = body(browser.post(ACTIVATION + "/clave-temporal", "key", key));
		String keyUri = readQr(qrDataUri(qrPage));
		URI uri = URI.create(keyUri);
		assertThat(uri.getScheme()).isEqualTo("otpauth");
		assertThat(uri.getHost()).isEqualTo("totp");
		assertThat(uri.getRawPath()).isEqualTo("/Banco%20Clave:" + maria.username());
		Map<String, String> params = query(uri);
		assertThat(params).containsEntry("issuer", "Banco Clave")
			.containsEntry("algorithm", "SHA1")
			.containsEntry("digits", "6")
			.containsEntry("period", "30");
		String secret = params.get("secret");
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(qrPage).as("the secret in blocks of four, to type by hand")
			.contains(secret.replaceAll("(.{4})(?!$)", "$1 "))
			.contains("Google Authenticator, Microsoft Authenticator o FreeOTP");
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session_attributes a JOIN spring_session s "
				+ "ON s.primary_id = a.session_primary_id WHERE position(? in encode(a.attribute_bytes, 'escape')) > 0")
			.param(secret)
			.query(Long.class)
			.single()).as("the secret is never kept in the session").isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_events WHERE details::text LIKE ?")
			.param("%" + secret + "%")
			.query(Long.class)
			.single()).as("nor in the audit trail").isZero();

		// the app's first code, computed by oathtool, confirms the token
		assertThat(body(browser.post(ACTIVATION + "/confirmar", "code", otherCode(oathtool(secret)))))
			.contains("El código no es correcto");
		assertThat(browser.post(ACTIVATION + "/confirmar", "code", oathtool(secret)))
			.hasRedirectedUrl("/banca/servicios/segundo-factor");
		assertThat(body(browser.get("/banca/servicios/segundo-factor"))).contains("¡Listo! Tu Token digital quedó activado",
				"Tu app autenticadora está activa: usa sus códigos para ingresar.");
		assertThat(this.jdbc.sql("SELECT app FROM soft_tokens WHERE user_id = ? AND state = 'ACTIVE'")
			.param(maria.userId())
			.query(String.class)
			.single()).isEqualTo("STANDARD_AUTHENTICATOR");
		assertThat(auditTypes(maria)).contains("TOKEN_ACTIVATION_START", "TOKEN_ACTIVATION", "TOKEN_CONFIRMATION");
		assertThat(this.tokens.signsTransactions(maria.userId())).as("a standard app cannot sign a transaction")
			.isFalse();

		// the login's second factor, with the next code from oathtool; the same code again is refused
		this.clock.advance(Duration.ofSeconds(31));
		String loginCode = oathtool(secret);
		WebSession laptop = new WebSession(this.mvc);
		laptop.post("/ingreso", "username", maria.username());
		assertThat(laptop.post("/ingreso/clave", "password", TestUsers.PASSWORD))
			.hasRedirectedUrl("/ingreso/segundo-factor");
		assertThat(body(laptop.get("/ingreso/segundo-factor"))).contains("Código del Token digital");
		assertThat(laptop.post("/ingreso/segundo-factor", "key", loginCode)).hasRedirectedUrl("/banca");

		WebSession thief = new WebSession(this.mvc);
		thief.post("/ingreso", "username", maria.username());
		thief.post("/ingreso/clave", "password", TestUsers.PASSWORD);
		MvcTestResult replayed = thief.post("/ingreso/segundo-factor", "key", loginCode);
		assertThat(replayed.getResponse().getRedirectedUrl()).as("a replayed code signs nobody in").isNull();
		assertThat(this.tokens.verify(maria.userId(), loginCode, BROWSER)).isEqualTo(TokenCheck.REPLAYED);
	}

	@Test
	void aReloadNeverShowsTheSecretAgainAndStartingOverGivesANewOne() throws Exception {
		Enrolled carlos = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc).signIn(carlos);
		answerTheQuestion(browser);
		String first = showSecret(browser, carlos);

		String reloaded = body(browser.get(ACTIVATION));
		assertThat(reloaded).contains("el código QR se muestra una sola vez")
			.doesNotContain("data:image/svg+xml")
			.doesNotContain(first.substring(0, 4) + " " + first.substring(4, 8));
		assertThat(body(browser.get(ACTIVATION + "?reiniciar=1"))).contains("¿Esta es tu imagen de seguridad?");

		this.clock.advance(Duration.ofSeconds(61));
		String second = showSecret(browser, carlos);
		assertThat(second).isNotEqualTo(first);
		assertThat(browser.post(ACTIVATION + "/confirmar", "code", oathtool(first)).getResponse().getRedirectedUrl())
			.as("the first secret's token was revoked when the new one was made")
			.isNull();
		assertThat(browser.post(ACTIVATION + "/confirmar", "code", oathtool(second)))
			.hasRedirectedUrl("/banca/servicios/segundo-factor");
		assertThat(this.jdbc.sql("SELECT state FROM soft_tokens WHERE user_id = ? ORDER BY created_at")
			.param(carlos.userId())
			.query(String.class)
			.list()).containsExactly("REVOKED", "ACTIVE");
	}

	@Test
	void desbloqueoAppOnlyLiftsTheServersLockOfAStandardToken() throws Exception {
		Enrolled lucia = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc).signIn(lucia);
		answerTheQuestion(browser);
		String secret = showSecret(browser, lucia);
		browser.post(ACTIVATION + "/confirmar", "code", oathtool(secret));
		assertThat(body(browser.get("/banca/servicios/segundo-factor/desbloqueo")))
			.contains("no tiene clave propia ni se bloquea")
			.contains("Tu Token digital no está bloqueado")
			.doesNotContain("Código de desbloqueo que muestra tu app");

		this.clock.advance(Duration.ofSeconds(31));
		String wrong = otherCode(oathtool(secret));
		for (int i = 0; i < 5; i++) {
			this.tokens.verify(lucia.userId(), wrong, BROWSER);
		}
		assertThat(this.tokens.verify(lucia.userId(), oathtool(secret), BROWSER)).isEqualTo(TokenCheck.LOCKED);
		assertThat(body(browser.get("/banca/servicios/segundo-factor/desbloqueo")))
			.contains("bloqueado en el banco por demasiados códigos incorrectos");

		String mobile = lucia.person().mobile().e164();
		int before = SMS.receivedBy(mobile).size();
		assertThat(browser.post("/banca/servicios/segundo-factor/desbloqueo/servidor"))
			.hasRedirectedUrl("/banca/servicios/segundo-factor/desbloqueo");
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.codeAfter(mobile, before, 6).isPresent());
		String key = SMS.codeAfter(mobile, before, 6).orElseThrow();
		assertThat(body(browser.post("/banca/servicios/segundo-factor/desbloqueo/clave-temporal", "key",
				otherCode(key)))).contains("La clave temporal no es correcta");
		String lifted = body(browser.post("/banca/servicios/segundo-factor/desbloqueo/clave-temporal", "key", key));
		assertThat(lifted).contains("quitamos el bloqueo").doesNotContain("unlock-code");
		assertThat(this.tokens.inUse(lucia.userId()).orElseThrow().state()).isEqualTo("ACTIVE");
		assertThat(auditTypes(lucia)).contains("TOKEN_UNLOCK_START", "TOKEN_UNLOCK");

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.tokens.verify(lucia.userId(), oathtool(secret), BROWSER)).isEqualTo(TokenCheck.ACCEPTED);
	}

	@Test
	void aTokenOfTheBanksAppActivatedBeforeTheSwitchKeepsSigningAndItsUnlockCode() throws Exception {
		Enrolled jorge = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc).signIn(jorge);
		this.claveTokens.activate(jorge);
		assertThat(this.tokens.signsTransactions(jorge.userId())).isTrue();
		assertThat(body(browser.get("/banca/servicios/segundo-factor/desbloqueo")))
			.contains("Código de desbloqueo que muestra tu app");

		Enrolled nobody = this.users.enrolled();
		assertThat(this.tokens.signsTransactions(nobody.userId())).as("no token, no signature").isFalse();
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	/** From the terms to the page with the QR, reading the clave temporal from the SMS; returns the secret. */
	private String showSecret(WebSession browser, Enrolled user) throws Exception {
		String mobile = user.person().mobile().e164();
		int before = SMS.receivedBy(mobile).size();
		assertThat(browser.post(ACTIVATION + "/codigo-qr", "acceptTerms", "true"))
			.hasRedirectedUrl(ACTIVATION + "/clave-temporal");
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.codeAfter(mobile, before, 6).isPresent());
		String page = body(browser.post(ACTIVATION + "/clave-temporal", "key", SMS.codeAfter(mobile, before, 6)
			.orElseThrow()));
		return query(URI.create(readQr(qrDataUri(page)))).get("secret");
	}

	private void answerTheQuestion(WebSession browser) throws Exception {
		String page = body(browser.get(ACTIVATION));
		for (Map.Entry<String, String> answer : TestUsers.ANSWERS.entrySet()) {
			String question = this.questions.find(answer.getKey()).orElseThrow().text(Locale.forLanguageTag("es-EC"));
			if (page.contains(question)) {
				assertThat(browser.post(ACTIVATION + "/pregunta", "answer", answer.getValue()))
					.hasRedirectedUrl(ACTIVATION);
				return;
			}
		}
		throw new AssertionError("none of the user's questions is on the page");
	}

	/**
	 * The code an authenticator app shows at the server's (movable) time, computed by oathtool (RFC 6238: SHA1, 6
	 * digits, 30 s are its defaults), not by the server's code.
	 */
	private String oathtool(String base32Secret) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("oathtool", "--totp", "-b", "--now",
				"@" + this.clock.instant().getEpochSecond(), base32Secret)
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.exitValue()).as("oathtool: " + out).isZero();
		assertThat(out).matches("\\d{6}");
		return out;
	}

	private static String qrDataUri(String page) {
		Matcher img = Pattern.compile("id=\"standard-qr\"[^>]*src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"|"
				+ "src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"[^>]*id=\"standard-qr\"")
			.matcher(page);
		assertThat(img.find()).as("the page shows the QR").isTrue();
		return img.group(1) != null ? img.group(1) : img.group(2);
	}

	/**
	 * The text of the page's QR as a phone camera would read it, with ZXing. ZXing's detector misses about one clean
	 * synthetic image in 300 at a given size, so the image is tried at a few sizes, as a camera tries a few frames.
	 */
	private static String readQr(String svgBase64) {
		for (int scale : new int[] { 8, 5, 7, 4, 6 }) {
			java.util.Optional<String> text = QrCodes.read(rasterise(svgBase64, scale));
			if (text.isPresent()) {
				return text.get();
			}
		}
		throw new AssertionError("the QR code on the page cannot be read");
	}

	/** Paints the page's SVG QR (one path of unit squares, "Mx yh1v1h-1z") into an image, scale pixels a module. */
	private static BufferedImage rasterise(String svgBase64, int scale) {
		String svg = new String(Base64.getDecoder().decode(svgBase64), StandardCharsets.UTF_8);
		Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(box.find()).isTrue();
		BufferedImage image = new BufferedImage(Integer.parseInt(box.group(1)) * scale,
				Integer.parseInt(box.group(2)) * scale, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (module.find()) {
			g.fillRect(Integer.parseInt(module.group(1)) * scale, Integer.parseInt(module.group(2)) * scale, scale,
					scale);
		}
		g.dispose();
		return image;
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			params.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	private List<String> auditTypes(Enrolled user) {
		return this.jdbc.sql("SELECT type FROM audit_events WHERE subject = ? ORDER BY id")
			.param("user:" + user.userId())
			.query(String.class)
			.list();
	}

	private static String otherCode(String code) {
		return ((code.charAt(0) - '0' + 1) % 10) + code.substring(1);
	}

	private static String body(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
