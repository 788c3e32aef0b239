/**
 * Value types shared by every module. Each validates itself and masks itself in {@code toString}, so a log line
 * never carries a full cédula, phone number or e-mail address.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.clave.server.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
