package io.clave.server.corebanking;

import java.math.BigDecimal;

/** A card the bank issued to a company, as its corporate landing page shows it: only the last four digits. */
public record CorporateCard(long id, String lastFour, String holderName, BigDecimal creditLimit, BigDecimal balance,
		String currency, String state) {

	public BigDecimal available() {
		return this.creditLimit.subtract(this.balance).max(BigDecimal.ZERO);
	}

}
