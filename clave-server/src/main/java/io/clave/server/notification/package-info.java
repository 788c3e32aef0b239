/**
 * Messages to customers: intents ({@link io.clave.server.notification.Notifications}) written to a transactional
 * outbox in the caller's transaction, and a dispatcher that delivers them over SMS and e-mail transports with
 * retries. Several instances may run the dispatcher: each message is claimed by one of them at a time, and goes
 * out once unless an instance dies between the gateway accepting it and recording that (at least once; see
 * {@link io.clave.server.notification.OutboxDispatcher}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets" })
package io.clave.server.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
