package io.clave.server.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.clave.server.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the demo ({@code clave.demo.message-log=false}, as in tests) the message log does not exist at all. */
class DemoMessagesDisabledTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "/demo/mensajes", "/api/demo/messages" })
	void pageAndApiAreNotFound(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.context.getBeanNamesForType(DemoMessageLog.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(DemoMessagesController.class)).isEmpty();
	}

}
