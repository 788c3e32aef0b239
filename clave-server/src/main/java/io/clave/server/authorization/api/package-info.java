/** The authorisation of operations as JSON, for the bank's other channels (mobile app, cardless withdrawal). */
@NullMarked
package io.clave.server.authorization.api;

import org.jspecify.annotations.NullMarked;
