package io.clave.server.softtoken;

import java.time.Instant;
import java.util.UUID;

/**
 * An activation waiting for the app: the text the QR code carries (shown under it too), and until when.
 *
 * @param activationText {@code clave-token://activate?...} with the binding key: show it only to the customer
 */
public record ActivationStarted(UUID activationId, String activationText, Instant expiresAt) {

	@Override
	public String toString() {
		return "ActivationStarted[" + this.activationId + "]";
	}

}
