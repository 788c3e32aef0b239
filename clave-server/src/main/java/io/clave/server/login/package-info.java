/**
 * Personal login: username, security image and password, second factor; Spring Security integration, the
 * sessions kept in PostgreSQL, the trusted-device cookie, lockout and rate limits at the door. Other flows use
 * {@link io.clave.server.login.SignedInCustomer} (who is logged in) and
 * {@link io.clave.server.login.SecondFactorChallenges} (ask the second factor again before a sensitive change).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets", "audit", "corebanking", "identity", "onetimekey",
		"notification", "ratelimit", "softtoken" })
package io.clave.server.login;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
