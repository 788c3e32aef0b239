package io.clave.server.login;

import io.clave.server.shared.ClientContext;
import jakarta.servlet.http.HttpServletRequest;

/** The client of a request as the audit trail and the notices name it. */
public final class ClientContexts {

	private ClientContexts() {
	}

	public static ClientContext of(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return new ClientContext(request.getRemoteAddr(), agent == null ? "" : agent);
	}

}
