package io.clave.server.login;

import java.io.IOException;
import java.time.Clock;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.shared.ClientContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session that has lasted longer than the absolute limit, however active it was; the idle limit
 * is the session store's own. The customer lands on the login page with a message (the app gets a 401).
 */
public class SessionLimits extends OncePerRequestFilter {

	private final LoginSettings settings;

	private final Clock clock;

	private final AuditTrail audit;

	SessionLimits(LoginSettings settings, Clock clock, AuditTrail audit) {
		this.settings = settings;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInCustomer customer
				&& this.clock.instant().isAfter(customer.authenticatedAt().plus(this.settings.absoluteSessionTimeout()))) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			this.audit.record(AuditEvent.failure("SESSION_END", "user:" + customer.userId(), ClientContext.of(request),
					"absolute-timeout"));
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				response.sendRedirect(request.getContextPath() + "/ingreso?sesion=expirada");
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
