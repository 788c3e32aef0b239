/** The transfer pages of the signed-in online banking. */
@NullMarked
package io.clave.server.transfer.web;

import org.jspecify.annotations.NullMarked;
