/**
 * Self-service recovery for personal customers ("Olvidé mi usuario o clave"), also the way to unlock a locked
 * access: the card and its PIN, a clave temporal by SMS, one of the customer's challenge questions, then the
 * username is shown and a new password set; finishing unlocks the account, ends the user's web sessions and tells
 * the customer by e-mail and SMS. The flow's state lives in the database; the page controller and the JSON
 * controller are thin and call the same {@link io.clave.server.recovery.Recoveries}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets", "audit", "corebanking", "identity", "onetimekey",
		"notification", "ratelimit" })
package io.clave.server.recovery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
