/** The recovery pages under {@code /recuperar}. */
@NullMarked
package io.clave.server.recovery.web;

import org.jspecify.annotations.NullMarked;
