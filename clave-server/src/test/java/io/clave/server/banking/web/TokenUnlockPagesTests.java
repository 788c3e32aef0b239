package io.clave.server.banking.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.server.shared.ClientContext;
import io.clave.server.softtoken.ActivationStarted;
import io.clave.server.softtoken.SoftTokens;
import io.clave.server.softtoken.TokenCheck;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.server.support.WebSession;
import io.clave.token.ActivationClient;
import io.clave.token.ActivationResult;
import io.clave.token.ActivationText;
import io.clave.token.Codes;
import io.clave.token.Crypto;
import io.clave.token.Identity;
import io.clave.token.IdentityStore;
import io.clave.token.PinAttempt;
import io.clave.token.PinCheck;
import io.clave.token.PinRules;
import io.clave.token.TokenSecrets;
import io.clave.token.TokenVault;
import io.clave.token.Tokens;
import io.clave.token.UnlockAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole life of the Token digital through the real HTTP API with the real app library: activation, three wrong
 * PINs lock the app, "Desbloqueo App" turns the app's challenge into an unlock code after a clave temporal, the app
 * takes it and a new PIN, and its codes are good again.
 */
class TokenUnlockPagesTests extends IntegrationTest {

	private static final ClientContext BROWSER = new ClientContext("190.152.10.20", "Firefox");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	SoftTokens softTokens;

	@Autowired
	MovableClock clock;

	@LocalServerPort
	int port;

	private Path home;

	@AfterEach
	void cleanUp() throws Exception {
		this.clock.reset();
		if (this.home != null) {
			try (var files = Files.walk(this.home)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void unlocksTheAppWithTheCodeTheWebGivesAfterAClaveTemporal() throws Exception {
		Enrolled lucia = this.users.enrolled();
		this.home = Files.createTempDirectory("clave-token-home");
		SecureRandom random = new SecureRandom();
		IdentityStore store = new IdentityStore(this.home);
		Tokens app = new Tokens(store, new TokenVault(new Crypto(random), random), new PinRules());

		// activation, the app's side through the real HTTP API
		int before = SMS.receivedBy(lucia.person().mobile().e164()).size();
		ActivationStarted started = this.softTokens.startActivation(lucia.userId(), "http://127.0.0.1:" + this.port,
				BROWSER, Locale.forLanguageTag("es-EC"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(lucia.person().mobile().e164(), before, 8).isPresent());
		ActivationResult result = ActivationClient.withTimeout(Duration.ofSeconds(10))
			.activate(ActivationText.parse(started.activationText()),
					SMS.codeAfter(lucia.person().mobile().e164(), before, 8).orElseThrow(), "Moto de Lucía");
		assertThat(app.activate("BANCO", ((ActivationResult.Activated) result).token(), "2580", "2580"))
			.isEqualTo(PinCheck.ACCEPTED);
		assertThat(this.softTokens.confirm(lucia.userId(), code(store, app, "2580"), BROWSER,
				Locale.forLanguageTag("es-EC")))
			.isEqualTo(TokenCheck.ACCEPTED);

		// three wrong PINs lock the app, which shows its challenge
		Identity identity = store.find("BANCO").orElseThrow();
		assertThat(app.usePin(identity, "1111")).isInstanceOf(PinAttempt.WrongPin.class);
		assertThat(app.usePin(store.find("BANCO").orElseThrow(), "2222")).isInstanceOf(PinAttempt.WrongPin.class);
		PinAttempt locked = app.usePin(store.find("BANCO").orElseThrow(), "3333");
		assertThat(locked).isInstanceOf(PinAttempt.Locked.class);
		String challenge = ((PinAttempt.Locked) locked).challenge();
		assertThat(app.usePin(store.find("BANCO").orElseThrow(), "2580")).as("locked: the right PIN is not even tried")
			.isInstanceOf(PinAttempt.Locked.class);

		// the web: Desbloqueo App
		WebSession browser = signedIn(lucia);
		assertThat(browser.get("/banca/servicios/segundo-factor/desbloqueo")).bodyText()
			.contains("Código de desbloqueo que muestra tu app");
		assertThat(browser.post("/banca/servicios/segundo-factor/desbloqueo/desafio", "challenge", "12ab")).bodyText()
			.contains("El código de desbloqueo tiene 8 dígitos");
		int beforeKey = SMS.receivedBy(lucia.person().mobile().e164()).size();
		assertThat(browser.post("/banca/servicios/segundo-factor/desbloqueo/desafio", "challenge", challenge))
			.hasRedirectedUrl("/banca/servicios/segundo-factor/desbloqueo");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(lucia.person().mobile().e164(), beforeKey, 6).isPresent());
		String key = SMS.codeAfter(lucia.person().mobile().e164(), beforeKey, 6).orElseThrow();
		assertThat(browser.post("/banca/servicios/segundo-factor/desbloqueo/clave-temporal", "key",
				key.equals("000000") ? "111111" : "000000"))
			.bodyText()
			.contains("La clave temporal no es correcta");
		String page = browser.post("/banca/servicios/segundo-factor/desbloqueo/clave-temporal", "key", key)
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher code = Pattern.compile("id=\"unlock-code\">(\\d{8})<").matcher(page);
		assertThat(code.find()).as(page).isTrue();

		// the app takes the code and a new PIN; its codes are good again
		assertThat(app.unlock(store.find("BANCO").orElseThrow(), "12345678"))
			.isInstanceOf(UnlockAttempt.WrongUnlockCode.class);
		UnlockAttempt unlocked = app.unlock(store.find("BANCO").orElseThrow(), code.group(1));
		assertThat(unlocked).isInstanceOf(UnlockAttempt.Unlocked.class);
		UnlockAttempt.Unlocked opened = (UnlockAttempt.Unlocked) unlocked;
		assertThat(app.setNewPin(opened.identity(), opened.secrets(), "2580", "2580")).as("not the previous PIN")
			.isNotEqualTo(PinCheck.ACCEPTED);
		assertThat(app.setNewPin(opened.identity(), opened.secrets(), "4682", "4682")).isEqualTo(PinCheck.ACCEPTED);
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.softTokens.verify(lucia.userId(), code(store, app, "4682"), BROWSER))
			.isEqualTo(TokenCheck.ACCEPTED);
	}

	private String code(IdentityStore store, Tokens app, String pin) throws Exception {
		PinAttempt attempt = app.usePin(store.find("BANCO").orElseThrow(), pin);
		assertThat(attempt).isInstanceOf(PinAttempt.Opened.class);
		PinAttempt.Opened opened = (PinAttempt.Opened) attempt;
		try (TokenSecrets secrets = opened.secrets()) {
			return new Codes(this.clock).current(opened.identity(), secrets).code();
		}
	}

	/** The app is locked: the login offers a clave temporal by SMS instead of the token's code. */
	private WebSession signedIn(Enrolled user) throws Exception {
		WebSession browser = new WebSession(this.mvc);
		browser.post("/ingreso", "username", user.username());
		browser.post("/ingreso/clave", "password", TestUsers.PASSWORD);
		assertThat(browser.get("/ingreso/segundo-factor")).bodyText().contains("Código del Token digital")
			.contains("Recibe una clave temporal por SMS");
		int before = SMS.receivedBy(user.person().mobile().e164()).size();
		assertThat(browser.post("/ingreso/segundo-factor/sms")).hasRedirectedUrl("/ingreso/segundo-factor");
		assertThat(browser.get("/ingreso/segundo-factor")).bodyText().contains("Enviamos una Clave de Seguridad Temporal");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(user.person().mobile().e164(), before, 6).isPresent());
		assertThat(browser.post("/ingreso/segundo-factor", "key",
				SMS.codeAfter(user.person().mobile().e164(), before, 6).orElseThrow()))
			.hasRedirectedUrl("/banca");
		return browser;
	}

}
