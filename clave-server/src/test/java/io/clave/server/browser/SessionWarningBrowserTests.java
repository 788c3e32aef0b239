package io.clave.server.browser;

import java.time.Duration;

import io.clave.server.login.ConfiguredLoginTests;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The warning before the idle timeout, in a real browser: with a 70-second idle timeout and a 66-second warning it
 * shows four seconds after the page loads, and "Seguir conectado" renews the session and hides it. (The same
 * settings as {@link ConfiguredLoginTests}, so both share one application.)
 */
@TestPropertySource(properties = { ConfiguredLoginTests.NEW_DEVICE, ConfiguredLoginTests.KEY_BY_EMAIL_TOO,
		ConfiguredLoginTests.SEVERAL_SESSIONS, ConfiguredLoginTests.IDLE_TIMEOUT, ConfiguredLoginTests.WARNING })
class SessionWarningBrowserTests extends BrowserTest {

	@Autowired
	TestUsers users;

	@Test
	void warnsBeforeTheIdleTimeoutAndStaysConnectedWhenAsked() {
		Enrolled user = this.users.enrolled();
		open("/ingreso");
		type(By.id("username"), user.username());
		click(By.id("continue"));
		type(By.id("password"), TestUsers.PASSWORD);
		click(By.id("login"));
		waitForPath("/ingreso/segundo-factor");
		await().atMost(WAIT).until(() -> SMS.lastCode(user.person().mobile().e164(), 6).isPresent());
		type(By.id("key"), SMS.lastCode(user.person().mobile().e164(), 6).orElseThrow());
		click(By.id("accept"));
		waitForPath("/banca");
		assertThat(browser().findElement(By.id("session-timer")).isDisplayed()).isFalse();

		waitFor(By.id("session-timer"));
		assertThat(textOf(By.cssSelector("#session-timer p"))).contains("Tu sesión terminará pronto");
		screenshot("session-warning");
		click(By.cssSelector("[data-session-keepalive]"));
		new WebDriverWait(browser(), Duration.ofSeconds(3))
			.until(ExpectedConditions.invisibilityOfElementLocated(By.id("session-timer")));
		screenshot("session-renewed");
		open("/banca");
		waitForPath("/banca");
	}

}
