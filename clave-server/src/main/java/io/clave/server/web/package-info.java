/**
 * The shell around the flows: security filter chain and headers, locale, layout, error pages and RFC 9457
 * problems.
 */
@NullMarked
package io.clave.server.web;

import org.jspecify.annotations.NullMarked;
