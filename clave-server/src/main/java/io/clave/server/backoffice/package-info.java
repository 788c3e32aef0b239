/**
 * The bank staff's console: operators with roles and their own stronger login (password and TOTP from a standard
 * authenticator app), under {@code /backoffice}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets", "audit", "identity", "corporate", "corebanking" })
package io.clave.server.backoffice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
