package io.clave.server.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code clave.outbox.backlog}: the messages waiting for a first or a further attempt. A growing backlog means the
 * gateways fail or the dispatcher cannot keep up. The count (one indexed query) is reused for
 * {@code clave.notification.backlog-gauge-cache}, so that scrapes from several Prometheus servers stay cheap; when
 * the database cannot answer, the gauge has no value (NaN) rather than a wrong one.
 */
@Component
final class OutboxBacklogGauge implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(OutboxBacklogGauge.class);

	private final Outbox outbox;

	private final Clock clock;

	private final Duration cacheFor;

	private @Nullable Instant countedAt;

	private double backlog = Double.NaN;

	OutboxBacklogGauge(Outbox outbox, Clock clock,
			@Value("${clave.notification.backlog-gauge-cache:10s}") Duration cacheFor) {
		this.outbox = outbox;
		this.clock = clock;
		this.cacheFor = cacheFor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("clave.outbox.backlog", this, OutboxBacklogGauge::backlog)
			.description("Messages in the outbox waiting for a first or a further delivery attempt")
			.strongReference(true)
			.register(registry);
	}

	synchronized double backlog() {
		Instant now = this.clock.instant();
		Instant counted = this.countedAt;
		if (counted == null || now.isBefore(counted) || !now.isBefore(counted.plus(this.cacheFor))) {
			try {
				this.backlog = this.outbox.backlog();
			}
			catch (RuntimeException ex) {
				log.warn("Could not count the outbox backlog: {}", ex.toString());
				this.backlog = Double.NaN;
			}
			this.countedAt = now;
		}
		return this.backlog;
	}

}
