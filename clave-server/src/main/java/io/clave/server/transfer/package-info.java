/**
 * Transfers from a customer's account to another of their accounts or to another customer's account of the bank,
 * authorised with the second factor ({@link io.clave.server.authorization}), within a daily limit, run once per
 * idempotency key, debited and credited in one database transaction, notified and audited. Pages ({@code web/}) and
 * JSON ({@code api/}) call the same {@link io.clave.server.transfer.Transfers}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "audit", "corebanking", "identity", "notification",
		"onetimekey", "authorization", "login" })
package io.clave.server.transfer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
