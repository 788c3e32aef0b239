/**
 * The Token digital on the server: activation (the QR's binding key plus an 8-digit code by SMS, then the seed
 * handed out once), seeds sealed under a key ring that can be rotated, TOTP verification with a replay guard and a
 * lock. The protocol with the app is docs/token-protocol.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets", "audit", "corebanking", "identity", "notification",
		"onetimekey" })
package io.clave.server.softtoken;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
