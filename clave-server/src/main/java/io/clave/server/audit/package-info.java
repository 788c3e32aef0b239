/**
 * The append-only audit trail: every authentication and administration step, each record chained to the previous
 * one by a SHA-256 hash so that a changed or removed record is detected. Written in its own transaction, so a
 * failure is recorded even when the business transaction rolls back. Never holds a secret. {@link AuditVerification}
 * checks the chain (also the {@code audit verify} command, {@link AuditCommandLine}); {@link AuditSearch} reads it for
 * the auditors' console.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package io.clave.server.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
