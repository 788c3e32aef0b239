package io.clave.server.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each intent, end to end: outbox, the running dispatcher, and the real SMTP server or SMS gateway stub. */
class NotificationDeliveryTests extends IntegrationTest {

	private static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	@Autowired
	Notifications notifications;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void emptyInboxes() throws Exception {
		SMS.clear();
		MAIL.purgeEmailFromAllMailboxes();
	}

	@Test
	void oneTimeKeyEmailArrivesInSpanishWithTextAndHtmlParts() throws Exception {
		Recipient ana = recipient("Ana", "0991110001", "ana.otk@correo.ec");

		inTransaction(() -> this.notifications.sendOneTimeKey(ana, Channels.EMAIL, "ENROLLMENT", "482913",
				Duration.ofMinutes(5), SPANISH));

		MimeMessage mail = await().atMost(Duration.ofSeconds(10)).until(() -> Mails.to(MAIL, "ana.otk@correo.ec"),
				mails -> mails.size() == 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Tu clave temporal de Banco Clave");
		assertThat(mail.getFrom()[0].toString()).contains("no-reply@clave.example");
		String text = Mails.part(mail, "text/plain");
		assertThat(text).contains("Hola Ana:", "Esta es tu clave temporal para crear tu usuario:", "482913",
				"Vence en 5 minutos y sirve una sola vez.", "No la compartas con nadie", "(02) 400 9000");
		String html = Mails.part(mail, "text/html");
		assertThat(html).contains("lang=\"es\"", "Tu clave temporal", "Esta es tu clave temporal para crear tu usuario:",
				"482913", "Vence en 5 minutos");
	}

	@Test
	void oneTimeKeySmsIsPostedToTheGatewayWithItsAuthorization() {
		Recipient bruno = recipient("Bruno", "0991110002", "bruno.otk@correo.ec");

		inTransaction(() -> this.notifications.sendOneTimeKey(bruno, Channels.SMS, "ENROLLMENT", "123456",
				Duration.ofMinutes(5), SPANISH));

		// the stub answers 401 to a post without the configured Authorization header, and keeps only accepted ones
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy("+593991110002").size() == 1);
		assertThat(SMS.receivedBy("+593991110002").get(0).text()).isEqualTo(
				"Banco Clave: tu clave temporal para crear tu usuario es 123456. Vence en 5 minutos. No la compartas con nadie.");
		assertThat(Mails.to(MAIL, "bruno.otk@correo.ec")).isEmpty();
	}

	@Test
	void oneTimeKeyGoesInEnglishWhenTheCustomerReadsEnglish() throws Exception {
		Recipient carla = recipient("Carla", "0991110003", "carla.otk@correo.ec");

		inTransaction(() -> this.notifications.sendOneTimeKey(carla, Channels.SMS_AND_EMAIL, "LOGIN", "654321",
				Duration.ofMinutes(2), Locale.ENGLISH));

		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy("+593991110003").size() == 1
				&& Mails.to(MAIL, "carla.otk@correo.ec").size() == 1);
		assertThat(SMS.receivedBy("+593991110003").get(0).text()).isEqualTo(
				"Banco Clave: your temporary key to sign in to online banking is 654321. It expires in 2 minutes. Never share it with anyone.");
		MimeMessage mail = Mails.to(MAIL, "carla.otk@correo.ec").get(0);
		assertThat(mail.getSubject()).isEqualTo("Your temporary key from Banco Clave");
		assertThat(Mails.part(mail, "text/plain")).contains("Hello Carla,", "654321", "It expires in 2 minutes");
		assertThat(Mails.part(mail, "text/html")).contains("lang=\"en\"", "654321");
	}

	@Test
	void enrollmentCompletedConfirmsByEmailAndSmsHowToLogInAndActivateTheToken() throws Exception {
		Recipient diego = recipient("Diego", "0991110004", "diego.enrolled@correo.ec");

		inTransaction(() -> this.notifications.sendEnrollmentCompleted(diego, "diegomora77", SPANISH));

		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy("+593991110004").size() == 1
				&& Mails.to(MAIL, "diego.enrolled@correo.ec").size() == 1);
		assertThat(SMS.receivedBy("+593991110004").get(0).text()).startsWith("Banco Clave: Operación Terminada Exitosamente.")
			.contains("diegomora77", "(02) 400 9000");
		MimeMessage mail = Mails.to(MAIL, "diego.enrolled@correo.ec").get(0);
		assertThat(mail.getSubject()).isEqualTo("Operación Terminada Exitosamente - Banco Clave");
		for (String part : List.of(Mails.part(mail, "text/plain"), Mails.part(mail, "text/html"))) {
			assertThat(part).contains("Operación Terminada Exitosamente", "Hola Diego:", "diegomora77",
					"Servicios Bancarios › Segundo Factor Seguridad › Activación", "(02) 400 9000");
		}
	}

	@Test
	void loginNoticeTellsWhenFromWhereAndWithWhatInTheBanksTimeZone() throws Exception {
		Recipient elena = recipient("Elena", "0991110005", "elena.login@correo.ec");

		inTransaction(() -> this.notifications.sendLoginNotice(elena, true, false, Instant.parse("2025-03-01T15:15:00Z"),
				"190.152.10.20", "Firefox en Windows", SPANISH));

		MimeMessage mail = await().atMost(Duration.ofSeconds(10))
			.until(() -> Mails.to(MAIL, "elena.login@correo.ec"), mails -> mails.size() == 1)
			.get(0);
		assertThat(mail.getSubject()).isEqualTo("Ingreso a tu banca en línea de Banco Clave");
		assertThat(Mails.part(mail, "text/plain")).contains("Fecha y hora: 01/03/2025 10:15:00",
				"Dirección IP: 190.152.10.20", "Navegador: Firefox en Windows");
		assertThat(Mails.part(mail, "text/html")).contains("01/03/2025 10:15:00", "190.152.10.20");
		assertThat(SMS.receivedBy("+593991110005")).isEmpty();
	}

	@Test
	void htmlPartEscapesWhatTheCustomerControls() throws Exception {
		Recipient fabian = recipient("Fabián", "0991110006", "fabian.login@correo.ec");

		inTransaction(() -> this.notifications.sendLoginNotice(fabian, true, false, Instant.parse("2025-03-01T15:15:00Z"),
				"190.152.10.21", "<script>alert(1)</script>", SPANISH));

		MimeMessage mail = await().atMost(Duration.ofSeconds(10))
			.until(() -> Mails.to(MAIL, "fabian.login@correo.ec"), mails -> mails.size() == 1)
			.get(0);
		assertThat(Mails.part(mail, "text/html")).doesNotContain("<script>").contains("&lt;script&gt;");
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> work.run());
	}

	static Recipient recipient(String name, String mobile, String email) {
		return new Recipient(name, new PhoneNumber(mobile), new EmailAddress(email));
	}

}
