/** The signed-in pages under {@code /banca}. */
@NullMarked
package io.clave.server.banking.web;

import org.jspecify.annotations.NullMarked;
