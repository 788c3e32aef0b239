/**
 * Where the data live: an external PostgreSQL when {@code spring.datasource.url} is set, otherwise an embedded
 * PostgreSQL whose data folder survives restarts (or a throw-away one for tests).
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.clave.server.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
