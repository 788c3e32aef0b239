package io.clave.server.corporate;

/** The steps of a corporate recovery after the RUC and the identity number, in order. */
public enum CorporateRecoveryStep {

	/** The clave temporal went to the registered e-mail and mobile (if the RUC and number named someone). */
	ONE_TIME_KEY("clave-temporal"),

	/** The username is shown and a new password asked for. */
	NEW_PASSWORD("nueva-clave"),

	/** "Su clave se cambió exitosamente". */
	COMPLETED("exito"),

	/**
	 * The user had not created the definitive credentials yet: new temporary ones were sent (username by e-mail,
	 * password by SMS) and the first login will ask for the definitive ones.
	 */
	TEMPORARY_REISSUED("credenciales-temporales");

	private final String slug;

	CorporateRecoveryStep(String slug) {
		this.slug = slug;
	}

	/** The last part of the step's page address, e.g. {@code /empresas/recuperar/nueva-clave}. */
	public String slug() {
		return this.slug;
	}

	/** The recovery is over once it reaches this step; its page may still be shown for a while. */
	public boolean last() {
		return this == COMPLETED || this == TEMPORARY_REISSUED;
	}

}
