package io.clave.server.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, put in the log context (MDC {@code requestId}, so every line the request writes carries
 * it, in text and in JSON) and in the response's {@code X-Request-Id} header, so a customer's or a proxy's report can
 * be found in the logs. An id sent by a proxy or the app is kept when it is well formed (a few safe characters,
 * nothing a log line could be forged with); otherwise a new one is made. Runs before everything else, security
 * included, and again for the error page of the same request with the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class RequestIds extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String LOG_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{7,63}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known
				: accepted(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		if (!response.isCommitted()) {
			response.setHeader(HEADER, id);
		}
		String outer = MDC.get(LOG_KEY);
		MDC.put(LOG_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer == null) {
				MDC.remove(LOG_KEY);
			}
			else {
				MDC.put(LOG_KEY, outer);
			}
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	/** The id sent, when it is one we can log as it is; a new one otherwise. */
	static String accepted(@Nullable String sent) {
		return sent != null && WELL_FORMED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
	}

	/**
	 * Work that no request started (the outbox dispatcher, clean-up jobs) gets an id of its own per run,
	 * {@code job-} and a random part, so that the lines of one run can be told from the next one's.
	 */
	static Runnable withJobId(Runnable task) {
		return () -> {
			String outer = MDC.get(LOG_KEY);
			MDC.put(LOG_KEY, "job-" + UUID.randomUUID().toString().substring(0, 13));
			try {
				task.run();
			}
			finally {
				if (outer == null) {
					MDC.remove(LOG_KEY);
				}
				else {
					MDC.put(LOG_KEY, outer);
				}
			}
		};
	}

}
