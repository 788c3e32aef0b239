/**
 * The bank's data and the seam to the real core: customers, cards and accounts as the core-banking system holds
 * them, and {@link io.clave.server.corebanking.PinVerifier}, which a bank replaces with a call to its HSM.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets" })
package io.clave.server.corebanking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
