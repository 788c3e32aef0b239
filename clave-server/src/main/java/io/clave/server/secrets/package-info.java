/**
 * The server's keys: keyed hashes (HMAC) for values that must be looked up or compared but never stored
 * (card numbers, card PINs in the demo core, one-time keys), and authenticated encryption (AES-GCM) for values
 * that must be read back (secrets waiting in the outbox, token seeds).
 */
@NullMarked
package io.clave.server.secrets;

import org.jspecify.annotations.NullMarked;
