package io.clave.server.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages leave the bank: which SMS and e-mail transports, and how the outbox is worked off.
 *
 * @param sms the SMS transport
 * @param email the e-mail transport
 * @param dispatcher how often and how hard the outbox is retried
 */
@ConfigurationProperties("clave.notification")
record NotificationSettings(@DefaultValue Sms sms, @DefaultValue Email email, @DefaultValue Dispatcher dispatcher) {

	/**
	 * @param adapter {@code log}, {@code http} or {@code smpp}
	 */
	record Sms(@DefaultValue("log") String adapter, @DefaultValue Http http, @DefaultValue Smpp smpp) {
	}

	/**
	 * An SMS aggregator taking {@code {"to", "text"}} JSON posts.
	 *
	 * @param authorization the whole Authorization header value, e.g. {@code Bearer ...}; empty sends none
	 */
	record Http(@DefaultValue("") String url, @DefaultValue("") String authorization,
			@DefaultValue("5s") Duration timeout) {
	}

	/**
	 * An SMSC speaking SMPP 3.4, bound as a transmitter.
	 *
	 * @param sourceAddress the sender shown on the phone (alphanumeric or a short code)
	 * @param timeout how long to wait for the SMSC's answer to a bind or a submit
	 */
	record Smpp(@DefaultValue("localhost") String host, @DefaultValue("2775") int port,
			@DefaultValue("") String systemId, @DefaultValue("") String password,
			@DefaultValue("CLAVE") String sourceAddress, @DefaultValue("10s") Duration timeout) {
	}

	/**
	 * @param adapter {@code smtp}, or {@code log} (writes only that a message went to a masked address)
	 * @param from the sender, e.g. {@code Banco Clave <no-reply@bank.example>}
	 */
	record Email(@DefaultValue("smtp") String adapter,
			@DefaultValue("Banco Clave <no-reply@clave.example>") String from) {
	}

	/**
	 * @param interval pause between two runs on one instance (read by {@code @Scheduled})
	 * @param batchSize messages claimed per run
	 * @param maxAttempts deliveries tried before a message is given up as FAILED
	 * @param firstRetryDelay wait after the first failure, doubled after each further one
	 * @param maxRetryDelay the longest wait between two attempts
	 * @param lease how long a claim holds: a message claimed by an instance that dies is tried again after it, so
	 * it must exceed the time a whole batch can take to deliver
	 */
	record Dispatcher(@DefaultValue("2s") Duration interval, @DefaultValue("50") int batchSize,
			@DefaultValue("10") int maxAttempts, @DefaultValue("10s") Duration firstRetryDelay,
			@DefaultValue("10m") Duration maxRetryDelay, @DefaultValue("5m") Duration lease) {

		Duration retryDelayAfter(int attempts) {
			Duration delay = this.firstRetryDelay;
			for (int i = 1; i < attempts && delay.compareTo(this.maxRetryDelay) < 0; i++) {
				delay = delay.multipliedBy(2);
			}
			return delay.compareTo(this.maxRetryDelay) < 0 ? delay : this.maxRetryDelay;
		}

	}

}
