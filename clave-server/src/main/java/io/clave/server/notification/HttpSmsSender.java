package io.clave.server.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.clave.server.shared.PhoneNumber;
import tools.jackson.databind.ObjectMapper;

/** Posts {@code {"to": "+5939...", "text": "..."}} to an SMS aggregator; any answer but 2xx is a failure. */
final class HttpSmsSender implements SmsSender {

	private final URI url;

	private final String authorization;

	private final Duration timeout;

	private final HttpClient client;

	private final ObjectMapper json;

	HttpSmsSender(NotificationSettings.Http settings, ObjectMapper json) {
		if (settings.url().isBlank()) {
			throw new IllegalStateException("clave.notification.sms.http.url is required with the http SMS adapter");
		}
		this.url = URI.create(settings.url());
		this.authorization = settings.authorization();
		this.timeout = settings.timeout();
		this.client = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.json = json;
	}

	record SmsRequest(String to, String text) {
	}

	@Override
	public void send(PhoneNumber to, String text) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(new SmsRequest(to.e164(), text))));
		if (!this.authorization.isBlank()) {
			request.header("Authorization", this.authorization);
		}
		HttpResponse<Void> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new DeliveryFailure("SMS gateway unreachable: " + ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("interrupted while calling the SMS gateway", ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new DeliveryFailure("SMS gateway answered HTTP " + response.statusCode());
		}
	}

}
