/** The signed-in JSON API for the mobile app under {@code /api/v1/me}; errors are RFC 9457 problems. */
@NullMarked
package io.clave.server.banking.api;

import org.jspecify.annotations.NullMarked;
