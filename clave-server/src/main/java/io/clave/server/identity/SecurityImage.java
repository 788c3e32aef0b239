package io.clave.server.identity;

import java.util.Locale;

/** One picture of the gallery the customer chooses from, shown at every login to recognise the real site. */
public record SecurityImage(String id, String nameEs, String nameEn) {

	public String path() {
		return "/images/security/" + this.id + ".svg";
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameEs;
	}

}
