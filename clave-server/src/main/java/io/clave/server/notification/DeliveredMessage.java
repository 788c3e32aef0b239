package io.clave.server.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A message as the demo message log shows it: whole text, masked recipient. */
record DeliveredMessage(Instant deliveredAt, Channel channel, String recipient, @Nullable String subject,
		String text) {

	@Override
	public String toString() {
		return "DeliveredMessage[" + this.channel + " to " + this.recipient + " at " + this.deliveredAt + "]";
	}

}
