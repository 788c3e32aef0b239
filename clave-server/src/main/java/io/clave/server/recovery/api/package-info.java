/** The recovery flow as a JSON API for the bank's mobile app; errors are RFC 9457 problems. */
@NullMarked
package io.clave.server.recovery.api;

import org.jspecify.annotations.NullMarked;
