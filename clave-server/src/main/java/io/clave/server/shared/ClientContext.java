package io.clave.server.shared;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request came from: recorded with every audit event and shown in login notices. */
public record ClientContext(String ipAddress, String userAgent) {

	public static final ClientContext SYSTEM = new ClientContext("127.0.0.1", "clave");

	public ClientContext {
		ipAddress = ipAddress == null ? "unknown" : truncate(ipAddress, 64);
		userAgent = userAgent == null ? "" : truncate(userAgent, 512);
	}

	/** The client of an HTTP request: its remote address and User-Agent header. */
	public static ClientContext of(HttpServletRequest request) {
		return new ClientContext(request.getRemoteAddr(), request.getHeader("User-Agent"));
	}

	private static String truncate(String value, int max) {
		return value.length() > max ? value.substring(0, max) : value;
	}

}
