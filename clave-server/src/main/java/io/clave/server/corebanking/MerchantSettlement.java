package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the bank paid, or will pay, a merchant for a day's sales, after its commission. */
public record MerchantSettlement(long id, LocalDate settledOn, BigDecimal gross, BigDecimal commission, BigDecimal net,
		String state, String currency) {
}
