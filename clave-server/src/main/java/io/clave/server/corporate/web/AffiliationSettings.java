package io.clave.server.corporate.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a company joins the corporate portal, as its public pages tell it: where the signed affiliation form may be
 * e-mailed, and how long the bank takes to register it before the temporary credentials go out.
 *
 * @param email the address that receives signed affiliation forms and their supporting documents
 * @param processingHours the hours the bank takes, once it has the form, to register the affiliation
 */
@ConfigurationProperties("clave.corporate.affiliation")
record AffiliationSettings(@DefaultValue("empresas@bancoclave.example") String email,
		@DefaultValue("96") int processingHours) {

	AffiliationSettings {
		if (email.isBlank() || !email.contains("@")) {
			throw new IllegalArgumentException("clave.corporate.affiliation.email must be an e-mail address");
		}
		if (processingHours < 1) {
			throw new IllegalArgumentException("clave.corporate.affiliation.processing-hours must be at least 1");
		}
	}

}
