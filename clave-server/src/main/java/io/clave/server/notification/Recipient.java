package io.clave.server.notification;

import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;

/** Whom a message goes to: the name used in the greeting, the registered mobile and e-mail. */
public record Recipient(String name, PhoneNumber mobile, EmailAddress email) {

	@Override
	public String toString() {
		return "Recipient[" + this.mobile.masked() + ", " + this.email.masked() + "]";
	}

}
