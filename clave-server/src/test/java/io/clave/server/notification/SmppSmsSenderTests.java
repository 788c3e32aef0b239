package io.clave.server.notification;

import java.time.Duration;

import io.clave.server.shared.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The SMPP adapter against a real SMPP 3.4 server session on loopback. */
class SmppSmsSenderTests {

	private static final PhoneNumber MOBILE = new PhoneNumber("0991234567");

	private SmscStub smsc;

	private SmppSmsSender sender;

	@BeforeEach
	void smsc() throws Exception {
		this.smsc = new SmscStub();
		this.sender = new SmppSmsSender(settings(this.smsc.port()));
	}

	@AfterEach
	void close() throws Exception {
		this.sender.destroy();
		this.smsc.close();
	}

	@Test
	void submitsTheTextInUcs2ToTheInternationalNumber() {
		this.sender.send(MOBILE, "Banco Clave: tu clave temporal es 123456. Vence en 5 minutos.");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.smsc.received().size() == 1);
		SmscStub.Submitted submitted = this.smsc.received().get(0);
		assertThat(submitted.destination()).isEqualTo("593991234567");
		assertThat(submitted.source()).isEqualTo("CLAVE");
		assertThat(submitted.dataCoding()).isEqualTo((byte) 0x08);
		assertThat(submitted.text()).isEqualTo("Banco Clave: tu clave temporal es 123456. Vence en 5 minutos.");
	}

	@Test
	void sendsALongTextWholeInTheMessagePayload() {
		String text = "Banco Clave: Operación Terminada Exitosamente. Creaste tu usuario anamora88 de banca en línea. "
				+ "Si no fuiste tú, llama al (02) 400 9000.";

		this.sender.send(MOBILE, text);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.smsc.received().size() == 1);
		assertThat(this.smsc.received().get(0).text()).isEqualTo(text);
	}

	@Test
	void keepsOneSessionForManyMessages() {
		this.sender.send(MOBILE, "uno");
		this.sender.send(MOBILE, "dos");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.smsc.received().size() == 2);
		assertThat(this.smsc.received()).extracting(SmscStub.Submitted::sessionId).doesNotContainNull().containsOnly(
				this.smsc.received().get(0).sessionId());
		assertThat(this.smsc.received()).extracting(SmscStub.Submitted::text).containsExactly("uno", "dos");
	}

	@Test
	void bindsAgainAfterTheSmscDropsTheConnection() {
		this.sender.send(MOBILE, "antes");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.smsc.received().size() == 1);

		this.smsc.dropConnections();

		// the message that meets the broken session fails (the dispatcher retries it); the next one binds again
		await().atMost(Duration.ofSeconds(10)).ignoreException(DeliveryFailure.class).until(() -> {
			this.sender.send(MOBILE, "después");
			return true;
		});
		assertThat(this.smsc.received()).extracting(SmscStub.Submitted::text).containsExactly("antes", "después");
	}

	@Test
	void failsCleanlyWhenNoSmscListens() throws Exception {
		SmppSmsSender nowhere = new SmppSmsSender(settings(SmscStub.freePort()));
		try {
			assertThatExceptionOfType(DeliveryFailure.class)
				.isThrownBy(() -> nowhere.send(MOBILE, "tu clave temporal es 123456"))
				.withMessageStartingWith("SMPP submit failed: ")
				.withMessageNotContaining("123456");
		}
		finally {
			nowhere.destroy();
		}
	}

	private static NotificationSettings.Smpp settings(int port) {
		return new NotificationSettings.Smpp("127.0.0.1", port, "clave", "secret", "CLAVE", Duration.ofSeconds(5));
	}

}
