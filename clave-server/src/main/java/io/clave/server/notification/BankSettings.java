package io.clave.server.notification;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bank names itself in messages.
 *
 * @param name e.g. {@code Banco Clave}, the first words of every SMS
 * @param callCenter the number customers call when a message was not expected
 * @param timeZone the zone in which times are shown to customers
 */
@ConfigurationProperties("clave.bank")
record BankSettings(@DefaultValue("Banco Clave") String name, @DefaultValue("(02) 400 9000") String callCenter,
		@DefaultValue("America/Guayaquil") ZoneId timeZone) {
}
