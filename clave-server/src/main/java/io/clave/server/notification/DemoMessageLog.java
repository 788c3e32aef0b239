package io.clave.server.notification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's stand-in for a phone and a mailbox: the last messages delivered, whole, in memory only, so that
 * whoever tries the demo can read the clave temporal. Exists only with {@code clave.demo.message-log=true}.
 */
@Component
@ConditionalOnBooleanProperty(DemoMessageLog.ENABLED)
final class DemoMessageLog {

	static final String ENABLED = "clave.demo.message-log";

	static final int CAPACITY = 50;

	private final Deque<DeliveredMessage> messages = new ArrayDeque<>(CAPACITY);

	synchronized void add(DeliveredMessage message) {
		if (this.messages.size() == CAPACITY) {
			this.messages.removeLast();
		}
		this.messages.addFirst(message);
	}

	/** Newest first. */
	synchronized List<DeliveredMessage> latest() {
		return new ArrayList<>(this.messages);
	}

}
