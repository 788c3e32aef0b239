/**
 * Operations authorised with the second factor (PSD2 dynamic linking): an operation's kind, amount and destination
 * are authorised either with the Token digital's signing code over them or, for a customer without a token that can
 * sign, with a clave temporal whose SMS names them; an authorised operation yields a single-use reference that the
 * operation consumes. Transfers use it in-process; the bank's other channels use its API ({@code api/}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets", "audit", "corebanking", "identity", "notification",
		"onetimekey", "softtoken", "login" })
package io.clave.server.authorization;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
