package io.clave.server.notification;

import io.clave.server.shared.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For development and the demo: records that an SMS went out, never to whom in full nor what it said. */
final class LogSmsSender implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

	@Override
	public void send(PhoneNumber to, String text) {
		log.info("SMS of {} characters to {} (log adapter: not sent)", text.length(), to.masked());
	}

}
