package io.clave.server.notification;

import io.clave.server.shared.BankSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import io.clave.server.shared.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static io.clave.server.notification.NotificationDeliveryTests.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The words of each intent and what is marked secret, without a database. */
class NotificationsTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	private final BankSettings bank = new BankSettings("Banco Clave", "(02) 400 9000",
			ZoneId.of("America/Guayaquil"));

	private final Outbox outbox = mock(Outbox.class);

	private final Notifications notifications = new Notifications(new MessageTemplates(this.bank), this.outbox,
			this.bank);

	private final Recipient ana = recipient("Ana", "0991234567", "ana@correo.ec");

	@Test
	void oneTimeKeySmsNamesItsPurposeAndExpiry() {
		this.notifications.sendOneTimeKey(this.ana, Channels.SMS, "ENROLLMENT", "123456", Duration.ofMinutes(5),
				SPANISH);

		assertThat(sentSms(true)).isEqualTo(
				"Banco Clave: tu clave temporal para crear tu usuario es 123456. Vence en 5 minutos. No la compartas con nadie.");
		verify(this.outbox, never()).addEmail(anyString(), any(), any(), anyBoolean());
	}

	@Test
	void oneTimeKeySmsIsInEnglishWhenTheLocaleIsEnglish() {
		this.notifications.sendOneTimeKey(this.ana, Channels.SMS, "TOKEN_ACTIVATION", "123456",
				Duration.ofMinutes(5), Locale.forLanguageTag("en-US"));

		assertThat(sentSms(true)).isEqualTo(
				"Banco Clave: your temporary key to activate your Token digital is 123456. It expires in 5 minutes. Never share it with anyone.");
	}

	@Test
	void unknownPurposeGetsTheGenericWording() {
		this.notifications.sendOneTimeKey(this.ana, Channels.SMS, "SOMETHING_NEW", "123456", Duration.ofMinutes(1),
				SPANISH);

		assertThat(sentSms(true)).isEqualTo(
				"Banco Clave: tu clave temporal es 123456. Vence en 1 minuto. No la compartas con nadie.");
	}

	@Test
	void everyPurposeHasItsOwnWording() {
		for (String purpose : new String[] { "ENROLLMENT", "LOGIN", "TRANSACTION", "RECOVERY", "ADMIN_ACTION",
				"TOKEN_ACTIVATION", "TOKEN_UNLOCK" }) {
			Outbox outbox = mock(Outbox.class);
			new Notifications(new MessageTemplates(this.bank), outbox, this.bank).sendOneTimeKey(this.ana,
					Channels.SMS, purpose, "123456", Duration.ofMinutes(5), SPANISH);
			ArgumentCaptor<String> text = ArgumentCaptor.forClass(String.class);
			verify(outbox).addSms(eq("ONE_TIME_KEY"), any(PhoneNumber.class), text.capture(), eq(true));
			assertThat(text.getValue()).as(purpose).matches("Banco Clave: tu clave temporal para .+ es 123456\\..*");
		}
	}

	@Test
	void oneTimeKeyEmailIsSealed() {
		this.notifications.sendOneTimeKey(this.ana, Channels.EMAIL, "RECOVERY", "123456", Duration.ofMinutes(5),
				SPANISH);

		ArgumentCaptor<MessageTemplates.Email> email = ArgumentCaptor.forClass(MessageTemplates.Email.class);
		verify(this.outbox).addEmail(eq("ONE_TIME_KEY"), eq(this.ana.email()), email.capture(), eq(true));
		assertThat(email.getValue().text()).contains("Esta es tu clave temporal para recuperar tu acceso:", "123456");
		verify(this.outbox, never()).addSms(anyString(), any(), anyString(), anyBoolean());
	}

	@Test
	void noSmsGoesToALandline() {
		Recipient landline = recipient("Ana", "022345678", "ana@correo.ec");

		this.notifications.sendOneTimeKey(landline, Channels.SMS_AND_EMAIL, "LOGIN", "123456",
				Duration.ofMinutes(5), SPANISH);

		verify(this.outbox, never()).addSms(anyString(), any(), anyString(), anyBoolean());
		verify(this.outbox).addEmail(eq("ONE_TIME_KEY"), eq(landline.email()), any(), eq(true));
	}

	@Test
	void enrollmentConfirmationIsSealedBecauseItNamesTheUsername() {
		this.notifications.sendEnrollmentCompleted(this.ana, "anamora88", SPANISH);

		assertThat(sentSms(true)).contains("Operación Terminada Exitosamente", "anamora88");
		verify(this.outbox).addEmail(eq("ENROLLMENT_COMPLETED"), eq(this.ana.email()), any(), eq(true));
	}

	private String sentSms(boolean secret) {
		ArgumentCaptor<String> text = ArgumentCaptor.forClass(String.class);
		verify(this.outbox).addSms(anyString(), eq(this.ana.mobile()), text.capture(), eq(secret));
		return text.getValue();
	}

}
