package io.clave.server.notification;

import io.clave.server.shared.PhoneNumber;

/** Hands one SMS to the operator; the outbox dispatcher retries when it throws. */
interface SmsSender {

	/** @throws DeliveryFailure (or any runtime exception) when the message was not accepted */
	void send(PhoneNumber to, String text);

}
