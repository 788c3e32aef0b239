package io.clave.server.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims due messages (see {@link Outbox#claimDue}), sends each one outside any database
 * transaction, then records the outcome, retrying failures with exponential back-off until
 * {@code clave.notification.dispatcher.max-attempts}. Every instance runs it; they never claim the same row.
 * <p>
 * Delivery is at least once, not exactly once: no SMS gateway or mail server takes part in our transaction, so
 * a message can go out twice when an instance dies (or its lease runs out) between the gateway accepting it and
 * the row being marked. Claiming before sending makes that window as small as one call, instead of letting two
 * instances race for the same row; the opposite choice (mark first, then send) would lose messages instead, which
 * is worse for a one-time key the customer is waiting for.
 * <p>
 * Meters: {@code clave.outbox.delivery} (timer per channel and kind, from the message's queueing to its delivery)
 * and {@code clave.outbox.failures} (per channel, kind and outcome: {@code retry} or {@code given_up}); the backlog is
 * {@link OutboxBacklogGauge}'s.
 */
@Component
public class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final Outbox outbox;

	private final SmsSender sms;

	private final EmailSender email;

	private final NotificationSettings.Dispatcher settings;

	private final Clock clock;

	private final @Nullable DemoMessageLog demoLog;

	private final MeterRegistry meters;

	OutboxDispatcher(Outbox outbox, SmsSender sms, EmailSender email, NotificationSettings settings, Clock clock,
			ObjectProvider<DemoMessageLog> demoLog, MeterRegistry meters) {
		this.outbox = outbox;
		this.sms = sms;
		this.email = email;
		this.settings = settings.dispatcher();
		this.clock = clock;
		this.demoLog = demoLog.getIfAvailable();
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${clave.notification.dispatcher.interval:2s}")
	void dispatchOnSchedule() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			log.warn("The outbox could not be dispatched; trying again next run", ex);
		}
	}

	/** Delivers one batch of due messages and answers how many went out. */
	public int dispatchDue() {
		Instant now = this.clock.instant();
		List<OutboxMessage> claimed = this.outbox.claimDue(now, this.settings.batchSize(),
				now.plus(this.settings.lease()));
		int delivered = 0;
		for (OutboxMessage message : claimed) {
			try {
				if (deliver(message)) {
					delivered++;
				}
			}
			catch (RuntimeException ex) {
				// the outcome could not be recorded: the message is tried again when its lease ends
				log.warn("Could not record the outcome of {}", message, ex);
			}
		}
		return delivered;
	}

	/** The messages waiting for a first or a further attempt. */
	public long backlog() {
		return this.outbox.backlog();
	}

	private boolean deliver(OutboxMessage message) {
		String text;
		try {
			text = this.outbox.open(message, message.storedText());
			switch (message.channel()) {
				case SMS -> this.sms.send(new PhoneNumber(message.recipient()), text);
				case EMAIL -> this.email.send(new EmailAddress(message.recipient()), String.valueOf(message.subject()),
						text, this.outbox.open(message, String.valueOf(message.storedHtml())));
			}
		}
		catch (RuntimeException ex) {
			failed(message, DeliveryFailure.reasonOf(ex));
			return false;
		}
		Instant sentAt = this.clock.instant();
		if (!this.outbox.markSent(message, sentAt)) {
			log.warn("{} was delivered after its claim had expired; it may reach {} twice", message,
					maskedRecipient(message));
		}
		Timer.builder("clave.outbox.delivery")
			.description("Time from a message's queueing in the outbox to its acceptance by the gateway")
			.tag("channel", channelTag(message))
			.tag("kind", message.kind().toLowerCase(java.util.Locale.ROOT))
			.register(this.meters)
			.record(Duration.between(message.queuedAt(), sentAt));
		log.debug("Delivered {} to {}", message, maskedRecipient(message));
		if (this.demoLog != null) {
			this.demoLog.add(new DeliveredMessage(sentAt, message.channel(), maskedRecipient(message),
					message.subject(), text));
		}
		return true;
	}

	private void failed(OutboxMessage message, String reason) {
		boolean givingUp = message.attempts() >= this.settings.maxAttempts();
		Counter.builder("clave.outbox.failures")
			.description("Failed delivery attempts, retried later or given up")
			.tag("channel", channelTag(message))
			.tag("kind", message.kind().toLowerCase(java.util.Locale.ROOT))
			.tag("outcome", givingUp ? "given_up" : "retry")
			.register(this.meters)
			.increment();
		if (givingUp) {
			this.outbox.markFailed(message, reason);
			log.error("Gave up {} to {} after {} attempts: {}", message, maskedRecipient(message), message.attempts(),
					reason);
			return;
		}
		Instant retryAt = this.clock.instant().plus(this.settings.retryDelayAfter(message.attempts()));
		this.outbox.markForRetry(message, reason, retryAt);
		log.warn("{} to {} failed ({}); next attempt at {}", message, maskedRecipient(message), reason, retryAt);
	}

	private static String channelTag(OutboxMessage message) {
		return message.channel().name().toLowerCase(java.util.Locale.ROOT);
	}

	private static String maskedRecipient(OutboxMessage message) {
		return switch (message.channel()) {
			case SMS -> new PhoneNumber(message.recipient()).masked();
			case EMAIL -> new EmailAddress(message.recipient()).masked();
		};
	}

}
