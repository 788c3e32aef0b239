package io.clave.server.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bank that runs this Clave, as pages and messages name it, so that one build can serve any bank.
 *
 * @param name e.g. {@code Banco Clave}: the title of every page and the first words of every SMS
 * @param callCenter the number customers call for help
 * @param timeZone the zone in which times are shown to customers
 */
@ConfigurationProperties("clave.bank")
public record BankSettings(@DefaultValue("Banco Clave") String name, @DefaultValue("(02) 400 9000") String callCenter,
		@DefaultValue("America/Guayaquil") ZoneId timeZone) {
}
