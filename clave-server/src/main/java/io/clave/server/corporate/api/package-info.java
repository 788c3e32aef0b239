/** The corporate portal's JSON API: the corporate login and the signed-in company user's portal. */
@NullMarked
package io.clave.server.corporate.api;

import org.jspecify.annotations.NullMarked;
