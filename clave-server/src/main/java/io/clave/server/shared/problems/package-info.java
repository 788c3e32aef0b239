/**
 * RFC 9457 problem details as the JSON APIs of the flows (enrollment, recovery, the signed-in API) answer them:
 * the building of a problem in the request's language and the Spring MVC exception handlers they share. Each API
 * keeps its own {@code @RestControllerAdvice}, scoped to its own controllers, that extends these.
 */
@NullMarked
package io.clave.server.shared.problems;

import org.jspecify.annotations.NullMarked;
