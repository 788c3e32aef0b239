/** The transfers of the signed-in customer as JSON, for the bank's mobile app. */
@NullMarked
package io.clave.server.transfer.api;

import org.jspecify.annotations.NullMarked;
