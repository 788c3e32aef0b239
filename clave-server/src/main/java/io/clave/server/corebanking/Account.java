package io.clave.server.corebanking;

import java.math.BigDecimal;

public record Account(long id, long customerId, AccountKind kind, String number, BigDecimal balance,
		String currency) {
}
