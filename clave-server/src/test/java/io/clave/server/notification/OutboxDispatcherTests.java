package io.clave.server.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.clave.server.shared.EmailAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.clave.server.shared.PhoneNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The dispatcher's decisions with a fixed clock: what is marked, when the next attempt is, what the demo sees. */
class OutboxDispatcherTests {

	private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

	private final Outbox outbox = mock(Outbox.class);

	private final List<String> smsSent = new ArrayList<>();

	private final DemoMessageLog demoLog = new DemoMessageLog();

	private RuntimeException smsFailure;

	private OutboxDispatcher dispatcher;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeEach
	void dispatcher() {
		SmsSender sms = (to, text) -> {
			if (this.smsFailure != null) {
				throw this.smsFailure;
			}
			this.smsSent.add(to.value() + ": " + text);
		};
		EmailSender email = (to, subject, text, html) -> {
		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("demoMessageLog", this.demoLog);
		this.dispatcher = new OutboxDispatcher(this.outbox, sms, email, settings(), Clock.fixed(NOW, ZoneOffset.UTC),
				beans.getBeanProvider(DemoMessageLog.class), this.meters);
		when(this.outbox.open(any(), anyString())).thenAnswer(call -> call.getArgument(1));
		when(this.outbox.markSent(any(), any())).thenReturn(true);
	}

	@Test
	void claimsDueMessagesWithALeaseAndMarksDeliveredOnesSent() {
		OutboxMessage message = sms(1);
		when(this.outbox.claimDue(NOW, 50, NOW.plus(Duration.ofMinutes(5)))).thenReturn(List.of(message));

		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);

		assertThat(this.smsSent).containsExactly("0991234567: tu clave es 123456");
		verify(this.outbox).markSent(message, NOW);
		assertThat(this.demoLog.latest()).singleElement()
			.satisfies(delivered -> assertThat(delivered.text()).isEqualTo("tu clave es 123456"))
			.satisfies(delivered -> assertThat(delivered.recipient()).isEqualTo("******4567"));
	}

	@Test
	void failedMessageWaitsTwiceAsLongAfterEachFailure() {
		OutboxMessage third = sms(3);
		when(this.outbox.claimDue(any(), anyInt(), any())).thenReturn(List.of(third));
		this.smsFailure = new DeliveryFailure("SMS gateway answered HTTP 503");

		assertThat(this.dispatcher.dispatchDue()).isZero();

		verify(this.outbox).markForRetry(third, "SMS gateway answered HTTP 503", NOW.plus(Duration.ofSeconds(4)));
		verify(this.outbox, never()).markSent(any(), any());
		assertThat(this.demoLog.latest()).isEmpty();
	}

	@Test
	void measuresTheTimeFromQueueToDeliveryAndCountsFailuresPerChannelAndKind() {
		when(this.outbox.claimDue(any(), anyInt(), any())).thenReturn(List.of(sms(1)));
		this.dispatcher.dispatchDue();
		when(this.outbox.claimDue(any(), anyInt(), any())).thenReturn(List.of(sms(2)));
		this.smsFailure = new DeliveryFailure("SMS gateway answered HTTP 503");
		this.dispatcher.dispatchDue();

		io.micrometer.core.instrument.Timer delivery = this.meters.get("clave.outbox.delivery")
			.tags("channel", "sms", "kind", "one_time_key")
			.timer();
		assertThat(delivery.count()).isEqualTo(1);
		assertThat(delivery.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3.0);
		assertThat(this.meters.get("clave.outbox.failures")
			.tags("channel", "sms", "kind", "one_time_key", "outcome", "retry")
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void retryDelayStopsGrowingAtTheMaximum() {
		NotificationSettings.Dispatcher settings = settings().dispatcher();

		assertThat(settings.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.retryDelayAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.retryDelayAfter(4)).isEqualTo(Duration.ofSeconds(8));
		assertThat(settings.retryDelayAfter(5)).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.retryDelayAfter(1000)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void messageIsGivenUpAfterTheLastAttempt() {
		OutboxMessage last = sms(5);
		when(this.outbox.claimDue(any(), anyInt(), any())).thenReturn(List.of(last));
		this.smsFailure = new IllegalStateException("vendor said: could not deliver 'tu clave es 123456'");

		this.dispatcher.dispatchDue();

		// only the type of an unexpected exception is kept: its message may quote the text
		verify(this.outbox).markFailed(last, "IllegalStateException");
		verify(this.outbox, never()).markForRetry(any(), anyString(), any());
	}

	@Test
	void oneFailureDoesNotStopTheRestOfTheBatch() {
		OutboxMessage bad = new OutboxMessage(1, Channel.SMS, "0991234567", null, "x", null, true, 1,
				NOW.minusSeconds(1), "ONE_TIME_KEY");
		OutboxMessage good = new OutboxMessage(2, Channel.EMAIL, "ana@correo.ec", "Asunto", "texto", "<p>html</p>",
				false, 1, NOW.minusSeconds(1), "LOGIN_NOTICE");
		when(this.outbox.claimDue(any(), anyInt(), any())).thenReturn(List.of(bad, good));
		this.smsFailure = new DeliveryFailure("SMS gateway unreachable: ConnectException");

		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);

		verify(this.outbox).markForRetry(eq(bad), anyString(), any());
		verify(this.outbox).markSent(eq(good), any());
		assertThat(this.demoLog.latest()).singleElement()
			.satisfies(delivered -> assertThat(delivered.recipient()).isEqualTo(new EmailAddress("ana@correo.ec").masked()));
	}

	private static OutboxMessage sms(int attempts) {
		return new OutboxMessage(7, Channel.SMS, new PhoneNumber("0991234567").value(), null, "tu clave es 123456",
				null, true, attempts, NOW.minusSeconds(3), "ONE_TIME_KEY");
	}

	private static NotificationSettings settings() {
		return new NotificationSettings(
				new NotificationSettings.Sms("log", new NotificationSettings.Http("", "", Duration.ofSeconds(5)),
						new NotificationSettings.Smpp("localhost", 2775, "", "", "CLAVE", Duration.ofSeconds(10))),
				new NotificationSettings.Email("log", "Banco Clave <no-reply@clave.example>"),
				new NotificationSettings.Dispatcher(Duration.ofSeconds(2), 50, 5, Duration.ofSeconds(1),
						Duration.ofSeconds(10), Duration.ofMinutes(5)));
	}

}
