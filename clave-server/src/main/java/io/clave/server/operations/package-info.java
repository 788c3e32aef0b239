/**
 * Running Clave in production: a request id on every log line (and on scheduled work), and who may read the
 * actuator's endpoints (health status for load balancers, its details for back-office operators, Prometheus metrics
 * for a scraper holding a token). The health indicators and the meters themselves live in the modules they measure
 * (notification's SMS gateway and outbox, onetimekey, login, identity, softtoken); docs/production.md lists them.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package io.clave.server.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
