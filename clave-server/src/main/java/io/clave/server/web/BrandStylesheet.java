package io.clave.server.web;

import java.time.Duration;
import java.util.Locale;

import io.clave.server.shared.BankSettings;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /css/brand.css}: the bank's colours ({@code clave.bank.primary-colour}, {@code accent-colour}) as the CSS
 * custom properties static/css/clave.css is drawn with. A stylesheet rather than a style attribute or element,
 * because the pages' Content-Security-Policy allows styles from this site's files only.
 */
@Controller
class BrandStylesheet {

	private final String css;

	BrandStylesheet(BankSettings bank) {
		this.css = """
				/* the bank's colours: clave.bank.primary-colour and clave.bank.accent-colour */
				:root {
				  --brand: %s;
				  --brand-dark: %s;
				  --accent: %s;
				}
				""".formatted(bank.primaryColour(), darker(bank.primaryColour()), bank.accentColour());
	}

	@GetMapping(path = "/css/brand.css", produces = "text/css")
	ResponseEntity<String> stylesheet() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(this.css);
	}

	/** The colour of hovered buttons and the header's edge: the main colour at 72 % of its brightness. */
	static String darker(String colour) {
		int rgb = Integer.parseInt(colour.substring(1), 16);
		int red = (rgb >> 16 & 0xff) * 72 / 100;
		int green = (rgb >> 8 & 0xff) * 72 / 100;
		int blue = (rgb & 0xff) * 72 / 100;
		return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
	}

}
