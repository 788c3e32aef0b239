package io.clave.server.banking;

import io.clave.server.identity.SecondFactor;

/**
 * The customer's second factor as the Segundo Factor Seguridad page shows it.
 *
 * @param tokenPending the Token digital was chosen and awaits activation; until then the clave temporal by SMS is
 * the factor
 * @param locked the online-banking user is locked (wrong passwords or codes)
 */
public record SecondFactorView(SecondFactor secondFactor, boolean tokenPending, boolean locked, String maskedMobile) {
}
