package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.time.Instant;

/** A card sale at a merchant: only the card's brand and last four digits. */
public record MerchantSale(long id, Instant soldAt, String cardBrand, String cardLastFour, BigDecimal amount,
		String authorizationCode, String currency) {
}
