package io.clave.server.notification;

/**
 * A transport could not hand a message over. Its message is recorded in the outbox, so it names only the cause
 * (a status, an exception type), never the message text or the full address.
 */
final class DeliveryFailure extends RuntimeException {

	DeliveryFailure(String reason) {
		super(reason);
	}

	DeliveryFailure(String reason, Throwable cause) {
		super(reason, cause);
	}

	/** A reason that is safe to store: the exception's type, since vendor messages may quote what was sent. */
	static String reasonOf(Throwable failure) {
		return (failure instanceof DeliveryFailure) ? failure.getMessage() : failure.getClass().getSimpleName();
	}

}
