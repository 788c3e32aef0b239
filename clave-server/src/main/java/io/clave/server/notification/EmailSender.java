package io.clave.server.notification;

import io.clave.server.shared.EmailAddress;

/** Hands one e-mail to the mail server; the outbox dispatcher retries when it throws. */
interface EmailSender {

	/** @throws DeliveryFailure (or any runtime exception) when the message was not accepted */
	void send(EmailAddress to, String subject, String text, String html);

}
