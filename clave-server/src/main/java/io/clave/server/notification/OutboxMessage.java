package io.clave.server.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One claimed outbox row as stored: when {@code containsSecret}, the bodies are sealed and must be opened with
 * {@link Outbox#open}.
 *
 * @param attempts the attempts so far, this one included; it also fences the claim (see {@link Outbox#markSent})
 * @param queuedAt when the message was written to the outbox (the delivery latency is measured from it)
 * @param kind what the message is, e.g. {@code ONE_TIME_KEY} (a tag of the delivery meters)
 */
record OutboxMessage(long id, Channel channel, String recipient, @Nullable String subject, String storedText,
		@Nullable String storedHtml, boolean containsSecret, int attempts, Instant queuedAt, String kind) {

	@Override
	public String toString() {
		return "OutboxMessage[" + this.id + ", " + this.channel + ", attempt " + this.attempts + "]";
	}

}
