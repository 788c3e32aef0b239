/**
 * The online-banking user: username, password (Argon2id, policy), security image and phrase, challenge questions,
 * state.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared" })
package io.clave.server.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
