/**
 * The signed-in online banking of personal customers: the home (greeting, previous login, accounts, cards), each
 * account's last movements, the second factor's page and the profile (password with the second factor, security
 * image and phrase, challenge questions, phones). Pages ({@code web/}) and the mobile app's JSON ({@code api/}) are
 * thin and call the same {@link io.clave.server.banking.BankingHome} and {@link io.clave.server.banking.Profiles}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets", "audit", "corebanking", "identity", "onetimekey",
		"notification", "login", "softtoken" })
package io.clave.server.banking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
