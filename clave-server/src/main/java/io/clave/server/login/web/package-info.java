@NullMarked
package io.clave.server.login.web;

import org.jspecify.annotations.NullMarked;
