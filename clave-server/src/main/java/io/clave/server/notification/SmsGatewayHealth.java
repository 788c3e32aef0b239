package io.clave.server.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code sms} component of {@code /actuator/health}. For the http adapter, whether the aggregator's URL answers
 * at all: a GET without credentials and without a body, which no aggregator takes for a message (any answer below
 * 500, a 401 or 405 included, means it is there), with a short timeout, and reused for
 * {@code clave.notification.sms.health-check-cache} so that frequent probes do not become traffic to the
 * aggregator. For the smpp and log adapters it only says which adapter runs: binding to the SMSC to find out would
 * cost it a session. It never sends an SMS and never shows a credential.
 */
@Component("smsHealthIndicator")
final class SmsGatewayHealth implements HealthIndicator {

	private static final Duration LONGEST_CHECK = Duration.ofSeconds(2);

	private final NotificationSettings.Sms settings;

	private final Duration cacheFor;

	private final Clock clock;

	private final @Nullable HttpClient client;

	private @Nullable Checked last;

	SmsGatewayHealth(NotificationSettings settings, Clock clock,
			@Value("${clave.notification.sms.health-check-cache:30s}") Duration cacheFor) {
		this.settings = settings.sms();
		this.cacheFor = cacheFor;
		this.clock = clock;
		this.client = "http".equals(this.settings.adapter()) ? HttpClient.newBuilder()
			.connectTimeout(timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build() : null;
	}

	@Override
	public Health health() {
		return switch (this.settings.adapter()) {
			case "http" -> httpGateway();
			case "smpp" -> Health.up()
				.withDetail("adapter", "smpp")
				.withDetail("smsc", this.settings.smpp().host() + ":" + this.settings.smpp().port())
				.build();
			default -> Health.up()
				.withDetail("adapter", this.settings.adapter())
				.withDetail("delivers", "no SMS: messages are only written to the log")
				.build();
		};
	}

	private synchronized Health httpGateway() {
		Instant now = this.clock.instant();
		Checked checked = this.last;
		if (checked == null || now.isBefore(checked.at()) || !now.isBefore(checked.at().plus(this.cacheFor))) {
			checked = new Checked(now, check());
			this.last = checked;
		}
		return checked.health();
	}

	private Health check() {
		HttpClient client = java.util.Objects.requireNonNull(this.client);
		URI url = URI.create(this.settings.http().url());
		// the host alone: the path and query of an aggregator's URL may carry an account name or a key
		Health.Builder health = Health.unknown().withDetail("adapter", "http").withDetail("host", url.getHost());
		HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout()).GET().build();
		try {
			HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
			health.withDetail("answered", response.statusCode());
			return (response.statusCode() < 500 ? health.up() : health.down()).build();
		}
		catch (IOException ex) {
			return health.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return health.down().withDetail("error", "interrupted").build();
		}
	}

	private Duration timeout() {
		Duration configured = this.settings.http().timeout();
		return configured.compareTo(LONGEST_CHECK) < 0 ? configured : LONGEST_CHECK;
	}

	private record Checked(Instant at, Health health) {
	}

}
