package io.clave.server.notification;

import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LogAdaptersTests {

	@Test
	void logSmsAdapterWritesOnlyTheMaskedNumber(CapturedOutput output) {
		new LogSmsSender().send(new PhoneNumber("0991234567"),
				"Banco Clave: tu clave temporal para ingresar es 918273. Vence en 5 minutos.");

		assertThat(output).contains("******4567")
			.doesNotContain("0991234567", "+593991234567", "593991234567", "918273", "tu clave temporal");
	}

	@Test
	void logEmailAdapterWritesOnlyTheMaskedAddress(CapturedOutput output) {
		new LogEmailSender().send(new EmailAddress("maria.perez@correo.ec"), "Tu clave temporal",
				"Esta es tu clave temporal: 918273", "<p>918273</p>");

		assertThat(output).contains("m***@c***.ec")
			.doesNotContain("maria.perez", "correo.ec", "918273", "Tu clave temporal");
	}

}
