/** The back office's pages: the operator's login and the console's home. */
@NullMarked
package io.clave.server.backoffice.web;

import org.jspecify.annotations.NullMarked;
