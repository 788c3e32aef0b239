package io.clave.server.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bank that runs this Clave: its name and call-center number appear on every page.
 *
 * @param name e.g. "Banco Clave"
 * @param callCenter e.g. "(02) 400 9000"
 */
@ConfigurationProperties("clave.bank")
public record BankSettings(@DefaultValue("Banco Clave") String name, @DefaultValue("(02) 400 9000") String callCenter) {
}
