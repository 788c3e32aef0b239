package io.clave.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on loopback standing in for an SMS aggregator: it takes {@code {to, text}} JSON posts with an
 * authorisation header, keeps what it received, and can be told to fail the next requests.
 */
public final class SmsGatewayStub {

	public static final String AUTHORIZATION = "Bearer test-sms-gateway-token";

	private final HttpServer server;

	private final List<Sms> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresToServe = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	public record Sms(String to, String text) {
	}

	public SmsGatewayStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		JsonMapper json = JsonMapper.builder().build();
		this.server.createContext("/sms", exchange -> {
			this.requests.incrementAndGet();
			byte[] body = exchange.getRequestBody().readAllBytes();
			int status;
			if (!AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				status = 401;
			}
			else if (this.failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				status = 503;
			}
			else {
				JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
				this.received.add(new Sms(node.get("to").asString(), node.get("text").asString()));
				status = 202;
			}
			byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/sms";
	}

	public void failNext(int count) {
		this.failuresToServe.set(count);
	}

	public int requestCount() {
		return this.requests.get();
	}

	public List<Sms> received() {
		return new ArrayList<>(this.received);
	}

	public List<Sms> receivedBy(String e164) {
		return this.received.stream().filter(sms -> sms.to().equals(e164)).toList();
	}

	/** The last run of {@code digits} digits in the last message to this number, e.g. a clave temporal. */
	/** The first code of that many digits in the messages received after the first {@code after} ones. */
	public Optional<String> codeAfter(String e164, int after, int digits) {
		List<Sms> messages = receivedBy(e164);
		Pattern code = Pattern.compile("\\b(\\d{" + digits + "})\\b");
		for (Sms sms : messages.subList(Math.min(after, messages.size()), messages.size())) {
			Matcher matcher = code.matcher(sms.text());
			if (matcher.find()) {
				return Optional.of(matcher.group(1));
			}
		}
		return Optional.empty();
	}

	public Optional<String> lastCode(String e164, int digits) {
		List<Sms> messages = receivedBy(e164);
		if (messages.isEmpty()) {
			return Optional.empty();
		}
		Matcher matcher = Pattern.compile("\\b(\\d{" + digits + "})\\b").matcher(messages.get(messages.size() - 1).text());
		String code = null;
		while (matcher.find()) {
			code = matcher.group(1);
		}
		return Optional.ofNullable(code);
	}

	public void clear() {
		this.received.clear();
		this.failuresToServe.set(0);
	}

}
