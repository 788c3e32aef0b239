package io.clave.server.notification;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMessageLogTests {

	@Test
	void keepsTheLastFiftyNewestFirst() {
		DemoMessageLog log = new DemoMessageLog();
		for (int i = 1; i <= 60; i++) {
			log.add(new DeliveredMessage(Instant.EPOCH.plusSeconds(i), Channel.SMS, "******4567", null, "mensaje " + i));
		}

		assertThat(log.latest()).hasSize(50);
		assertThat(log.latest().get(0).text()).isEqualTo("mensaje 60");
		assertThat(log.latest().get(49).text()).isEqualTo("mensaje 11");
	}

}
