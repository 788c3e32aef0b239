/**
 * The desk's work on customers: find them, see their state, unlock them, end their sessions, and changes that need a
 * second person (an operator asks, a supervisor decides). Kept apart from the operator command's small context,
 * which does not start the customer-side modules.
 */
@NullMarked
package io.clave.server.backoffice.console;

import org.jspecify.annotations.NullMarked;
