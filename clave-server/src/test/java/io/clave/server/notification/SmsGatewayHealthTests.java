package io.clave.server.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.clave.server.support.SmsGatewayStub;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code sms} component of /actuator/health: cheap, cached, and it never sends a message. */
class SmsGatewayHealthTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	@Test
	void anAggregatorThatAnswersIsUpAndIsAskedAgainOnlyWhenTheCacheRunsOut() {
		SmsGatewayStub gateway = new SmsGatewayStub();
		MovingClock clock = new MovingClock();
		SmsGatewayHealth health = new SmsGatewayHealth(settings("http", gateway.url()), clock, Duration.ofSeconds(30));

		Health first = health.health();
		Health second = health.health();
		clock.now = NOW.plusSeconds(31);
		health.health();

		assertThat(first.getStatus()).isEqualTo(Status.UP);
		assertThat(first.getDetails()).containsEntry("adapter", "http")
			.containsEntry("host", "127.0.0.1")
			.containsEntry("answered", 401);
		assertThat(second).isSameAs(first);
		assertThat(gateway.requestCount()).isEqualTo(2);
		assertThat(gateway.received()).as("no SMS sent").isEmpty();
	}

	@Test
	void anAggregatorThatCannotBeReachedIsDown() {
		SmsGatewayHealth health = new SmsGatewayHealth(settings("http", "http://127.0.0.1:1/sms?account=bank&key=s3cr3t"),
				new MovingClock(), Duration.ofSeconds(30));

		Health down = health.health();

		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsKey("error").doesNotContainValue("s3cr3t");
		assertThat(down.toString()).doesNotContain("s3cr3t", "account");
	}

	@Test
	void theLogAndSmppAdaptersAreNamedNotCalled() {
		assertThat(new SmsGatewayHealth(settings("log", ""), new MovingClock(), Duration.ofSeconds(30)).health()
			.getDetails()).containsEntry("adapter", "log");
		Health smpp = new SmsGatewayHealth(settings("smpp", ""), new MovingClock(), Duration.ofSeconds(30)).health();
		assertThat(smpp.getStatus()).isEqualTo(Status.UP);
		assertThat(smpp.getDetails()).containsEntry("adapter", "smpp").containsEntry("smsc", "smsc.bank.example:2775");
		assertThat(smpp.toString()).doesNotContain("smpp-password");
	}

	private static NotificationSettings settings(String adapter, String url) {
		return new NotificationSettings(
				new NotificationSettings.Sms(adapter, new NotificationSettings.Http(url, "Bearer x", Duration.ofSeconds(5)),
						new NotificationSettings.Smpp("smsc.bank.example", 2775, "clave", "smpp-password", "CLAVE",
								Duration.ofSeconds(10))),
				new NotificationSettings.Email("log", "Banco Clave <no-reply@clave.example>"),
				new NotificationSettings.Dispatcher(Duration.ofSeconds(2), 50, 5, Duration.ofSeconds(1),
						Duration.ofMinutes(10), Duration.ofMinutes(5)));
	}

	private static final class MovingClock extends Clock {

		Instant now = NOW;

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
