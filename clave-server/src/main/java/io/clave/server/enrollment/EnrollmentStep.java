package io.clave.server.enrollment;

/** The steps after the card check, in order. The wizard numbers the six creation steps from 1 to 6. */
public enum EnrollmentStep {

	CONTACT_CHECK("contacto", 0), ONE_TIME_KEY("clave-temporal", 0), USERNAME("usuario", 1), PASSWORD("clave", 2),
	SECURITY_IMAGE("imagen", 3), CONTACT_DATA("datos", 4), CHALLENGE_QUESTIONS("preguntas", 5),
	SECOND_FACTOR("segundo-factor", 6), COMPLETED("exito", 0);

	private final String slug;

	private final int wizardNumber;

	EnrollmentStep(String slug, int wizardNumber) {
		this.slug = slug;
		this.wizardNumber = wizardNumber;
	}

	/** The last part of the step's page address, e.g. {@code /registro/usuario}. */
	public String slug() {
		return this.slug;
	}

	/** 1 to 6 for the creation wizard, 0 for the other pages. */
	public int wizardNumber() {
		return this.wizardNumber;
	}

	public EnrollmentStep next() {
		return values()[ordinal() + 1];
	}

}
