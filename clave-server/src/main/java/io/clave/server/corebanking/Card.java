package io.clave.server.corebanking;

import java.time.LocalDate;
import java.time.YearMonth;

/** A card as the registry keeps it: never its full number, never its PIN. */
public record Card(long id, long customerId, CardKind kind, String lastFour, LocalDate issueDate,
		YearMonth expiry, CardState state) {

	/** A card can be used until the last day of its expiry month. */
	public boolean isUsableOn(LocalDate day) {
		return this.state == CardState.ACTIVE && !this.expiry.atEndOfMonth().isBefore(day);
	}

}
