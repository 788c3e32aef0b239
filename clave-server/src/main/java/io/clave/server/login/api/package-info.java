@NullMarked
package io.clave.server.login.api;

import org.jspecify.annotations.NullMarked;
