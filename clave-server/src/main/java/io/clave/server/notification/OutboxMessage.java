package io.clave.server.notification;

import org.jspecify.annotations.Nullable;

/**
 * One claimed outbox row as stored: when {@code containsSecret}, the bodies are sealed and must be opened with
 * {@link Outbox#open}.
 *
 * @param attempts the attempts so far, this one included; it also fences the claim (see {@link Outbox#markSent})
 */
record OutboxMessage(long id, Channel channel, String recipient, @Nullable String subject, String storedText,
		@Nullable String storedHtml, boolean containsSecret, int attempts) {

	@Override
	public String toString() {
		return "OutboxMessage[" + this.id + ", " + this.channel + ", attempt " + this.attempts + "]";
	}

}
