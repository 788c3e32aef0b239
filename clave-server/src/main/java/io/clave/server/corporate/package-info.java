/**
 * The portal for companies (Perfil Corporativo) and merchants (Perfil Establecimiento): companies and their users,
 * the affiliation and its temporary credentials, the corporate login with a clave temporal at every login and the
 * choice of profile, forgotten credentials, and the administrator's management of the company's users. Public
 * pages live under {@code /empresas}, signed-in pages under {@code /empresas/portal}, JSON under
 * {@code /api/v1/corporate}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets", "audit", "corebanking", "identity", "notification",
		"onetimekey", "ratelimit" })
package io.clave.server.corporate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
