package io.clave.server.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of every test that needs the application: one context for the whole suite, on a real (embedded)
 * PostgreSQL, a real SMTP server (GreenMail) and a real HTTP server standing in for the SMS gateway, all started
 * once per JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@AutoConfigureMockMvc
public abstract class IntegrationTest {

	protected static final GreenMail MAIL = startMail();

	protected static final SmsGatewayStub SMS = new SmsGatewayStub();

	private static GreenMail startMail() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("clave.notification.sms.http.url", SMS::url);
		registry.add("clave.notification.sms.http.authorization", () -> SmsGatewayStub.AUTHORIZATION);
	}

}
