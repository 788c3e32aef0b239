package io.clave.server.transfer;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of transfers.
 *
 * @param dailyLimit the most a customer may transfer per calendar day in the bank's time zone, counting every
 * transfer done that day (USD 5,000.00)
 * @param maxAmount the most one transfer may move (USD 5,000.00; never above the daily limit in effect)
 */
@ConfigurationProperties("clave.transfer")
public record TransferSettings(@DefaultValue("5000.00") BigDecimal dailyLimit,
		@DefaultValue("5000.00") BigDecimal maxAmount) {
}
