package io.clave.server.recovery;

/** The steps after the card check, in order. */
public enum RecoveryStep {

	CONTACT_CHECK("contacto"), ONE_TIME_KEY("clave-temporal"), CHALLENGE_QUESTION("pregunta"),
	NEW_PASSWORD("nueva-clave"), COMPLETED("exito");

	private final String slug;

	RecoveryStep(String slug) {
		this.slug = slug;
	}

	/** The last part of the step's page address, e.g. {@code /recuperar/pregunta}. */
	public String slug() {
		return this.slug;
	}

	/** The username may be shown from here on: the card, the clave temporal and the question were answered. */
	boolean revealsUsername() {
		return this == NEW_PASSWORD || this == COMPLETED;
	}

}
