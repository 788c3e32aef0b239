package io.clave.server.notification;

/** Which channels a message goes through. */
public enum Channels {

	SMS, EMAIL, SMS_AND_EMAIL;

	public boolean sms() {
		return this != EMAIL;
	}

	public boolean email() {
		return this != SMS;
	}

}
