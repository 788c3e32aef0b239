package io.clave.server.shared;

import java.time.ZoneId;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bank that runs this Clave, as pages and messages name and show it, so that one build can serve any bank.
 *
 * @param name e.g. {@code Banco Clave}: the title of every page and the first words of every SMS
 * @param callCenter the number customers call for help
 * @param timeZone the zone in which times are shown to customers
 * @param logoUrl a path on this site of the logo the pages' header shows before the name, e.g. {@code /logo.svg}
 * served from a folder added to {@code spring.web.resources.static-locations}; empty: a plain mark. Only a path of
 * this site: the pages' Content-Security-Policy loads images from nowhere else.
 * @param primaryColour the pages' main colour (header, buttons, links), {@code #rrggbb}
 * @param accentColour the colour of highlights, {@code #rrggbb}
 */
@ConfigurationProperties("clave.bank")
public record BankSettings(@DefaultValue("Banco Clave") String name, @DefaultValue("(02) 400 9000") String callCenter,
		@DefaultValue("America/Guayaquil") ZoneId timeZone, @DefaultValue("") String logoUrl,
		@DefaultValue("#0b5d3b") String primaryColour, @DefaultValue("#f2c14e") String accentColour) {

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	/** A site path of safe characters only: it goes into a page's src attribute and nothing can break out of it. */
	private static final Pattern SITE_PATH = Pattern.compile("/[A-Za-z0-9][A-Za-z0-9/._-]*");

	@ConstructorBinding
	public BankSettings {
		if (!COLOUR.matcher(primaryColour).matches() || !COLOUR.matcher(accentColour).matches()) {
			throw new IllegalArgumentException(
					"clave.bank.primary-colour and clave.bank.accent-colour must be colours written #rrggbb");
		}
		if (!logoUrl.isEmpty() && (!SITE_PATH.matcher(logoUrl).matches() || logoUrl.contains(".."))) {
			throw new IllegalArgumentException("clave.bank.logo-url must be a path on this site such as /logo.svg");
		}
	}

	/** The bank with the default look (no logo, Clave's colours). */
	public BankSettings(String name, String callCenter, ZoneId timeZone) {
		this(name, callCenter, timeZone, "", "#0b5d3b", "#f2c14e");
	}

}
