/**
 * The personal self-enrollment wizard: the card and its PIN, the clave temporal, then the six steps (username,
 * password, security image, contact data, challenge questions and terms, second factor). The flow's state lives in
 * the database; the page controller and the JSON controller are thin and call the same {@link Enrollments}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "secrets", "audit", "corebanking", "identity", "onetimekey",
		"notification" })
package io.clave.server.enrollment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
