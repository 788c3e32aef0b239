/**
 * Messages to customers: intents ({@link io.clave.server.notification.Notifications}) written to a transactional
 * outbox in the caller's transaction, and a dispatcher that delivers them over SMS and e-mail transports with
 * retries, exactly once per message even with several instances running.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets" })
package io.clave.server.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
