@NullMarked
package io.clave.server.softtoken.api;

import org.jspecify.annotations.NullMarked;
