/**
 * The clave temporal: a random one-time key bound to one purpose and one flow, delivered through
 * {@code notification}, stored only as a keyed hash, checked in constant time, with limits on wrong entries and
 * resends that a new key does not reset (NIST SP 800-63B §3.1.3).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets", "notification" })
package io.clave.server.onetimekey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
