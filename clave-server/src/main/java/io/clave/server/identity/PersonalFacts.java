package io.clave.server.identity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a username or password must not contain: the person's cédula, names and birth date, in the forms people
 * write them.
 */
public record PersonalFacts(String cedula, String firstNames, String lastNames, LocalDate birthDate) {

	private static final List<String> DATE_FORMS = List.of("ddMMyyyy", "yyyyMMdd", "MMddyyyy", "ddMMyy", "yyMMdd");

	/** Name parts of three letters or more, lower case, without accents. */
	List<String> nameParts() {
		List<String> parts = new ArrayList<>();
		for (String part : (this.firstNames + " " + this.lastNames).split("\\s+")) {
			String plain = plain(part);
			if (plain.length() >= 3) {
				parts.add(plain);
			}
		}
		return parts;
	}

	List<String> birthDateForms() {
		return DATE_FORMS.stream().map(form -> this.birthDate.format(DateTimeFormatter.ofPattern(form))).toList();
	}

	/** True when the text, stripped of separators, accents and case, contains any personal fact. */
	boolean isContainedIn(String text) {
		String plain = plain(text);
		String digitsOnly = text.replaceAll("[^0-9]", "");
		if (plain.contains(this.cedula) || digitsOnly.contains(this.cedula)) {
			return true;
		}
		if (nameParts().stream().anyMatch(plain::contains)) {
			return true;
		}
		return birthDateForms().stream().anyMatch(digitsOnly::contains);
	}

	static String plain(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_.,/]", "");
	}

	@Override
	public String toString() {
		return "PersonalFacts[masked]";
	}

}
