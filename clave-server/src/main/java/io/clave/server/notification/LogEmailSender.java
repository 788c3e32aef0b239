package io.clave.server.notification;

import io.clave.server.shared.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For development and the demo: records that an e-mail went out, never to whom in full nor what it said. */
final class LogEmailSender implements EmailSender {

	private static final Logger log = LoggerFactory.getLogger(LogEmailSender.class);

	@Override
	public void send(EmailAddress to, String subject, String text, String html) {
		log.info("E-mail to {} (log adapter: not sent)", to.masked());
	}

}
