package io.clave.server.identity;

import java.util.Locale;

public record ChallengeQuestion(String id, String textEs, String textEn) {

	public String text(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.textEn : this.textEs;
	}

}
