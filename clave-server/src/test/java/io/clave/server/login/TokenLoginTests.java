package io.clave.server.login;

import java.time.Duration;

import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestTokens;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A customer with an active Token digital logs in with its code; no SMS is sent, and a locked token falls back. */
class TokenLoginTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestTokens tokens;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void logsInWithTheTokenCodeAndNoSms() {
		Enrolled maria = this.users.enrolled();
		byte[] seed = this.tokens.activate(maria);
		this.clock.advance(Duration.ofSeconds(31));
		int smsBefore = SMS.receivedBy(maria.person().mobile().e164()).size();

		WebSession browser = new WebSession(this.mvc);
		browser.post("/ingreso", "username", maria.username());
		assertThat(browser.post("/ingreso/clave", "password", TestUsers.PASSWORD))
			.hasRedirectedUrl("/ingreso/segundo-factor");
		assertThat(browser.get("/ingreso/segundo-factor")).bodyText()
			.contains("Código del Token digital")
			.doesNotContain("Enviamos una Clave de Seguridad Temporal");
		assertThat(browser.post("/ingreso/segundo-factor", "key", this.tokens.codeAt(seed, 0)))
			.hasRedirectedUrl("/banca");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(maria.person().mobile().e164()).size() > smsBefore);
		assertThat(SMS.receivedBy(maria.person().mobile().e164()).subList(smsBefore,
				SMS.receivedBy(maria.person().mobile().e164()).size()))
			.as("the login notice only: no clave temporal was sent")
			.allMatch(sms -> sms.text().contains("ingreso a tu banca"));
	}

	@Test
	void aTokenLockedAfterWrongCodesFallsBackToAClaveTemporal() {
		Enrolled carlos = this.users.enrolled();
		byte[] seed = this.tokens.activate(carlos);
		this.clock.advance(Duration.ofSeconds(31));
		WebSession browser = new WebSession(this.mvc);
		browser.post("/ingreso", "username", carlos.username());
		browser.post("/ingreso/clave", "password", TestUsers.PASSWORD);
		String wrong = this.tokens.codeAt(seed, 0).equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 4; i++) {
			assertThat(browser.post("/ingreso/segundo-factor", "key", wrong)).bodyText()
				.contains("La clave temporal no es correcta");
		}
		int before = SMS.receivedBy(carlos.person().mobile().e164()).size();
		assertThat(browser.post("/ingreso/segundo-factor", "key", wrong)).bodyText()
			.contains("Tu Token digital está bloqueado");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(carlos.person().mobile().e164()).size() > before);
		assertThat(browser.get("/ingreso/segundo-factor")).bodyText().contains("Enviamos una Clave de Seguridad Temporal");
		assertThat(browser.post("/ingreso/segundo-factor", "key",
				SMS.lastCode(carlos.person().mobile().e164(), 6).orElseThrow()))
			.hasRedirectedUrl("/banca");
		assertThat(this.jdbc.sql("SELECT state FROM soft_tokens WHERE user_id = ? AND state <> 'REVOKED'")
			.param(carlos.userId())
			.query(String.class)
			.single()).isEqualTo("LOCKED");
	}

}
