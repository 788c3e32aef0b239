package io.clave.server.corporate;

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
 * Ends a company user's session that has lasted longer than {@code clave.corporate.login.absolute-session-timeout},
 * however active it was (the customers' sessions have their own filter); the idle limit is the session store's own.
 * The user lands on the corporate login page with a message; the API answers 401.
 */
public class CorporateSessionLimits extends OncePerRequestFilter {

	private final CorporateLoginSettings settings;

	private final Clock clock;

	private final AuditTrail audit;

	CorporateSessionLimits(CorporateLoginSettings settings, Clock clock, AuditTrail audit) {
		this.settings = settings;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInCompanyUser user
				&& this.clock.instant().isAfter(user.authenticatedAt().plus(this.settings.absoluteSessionTimeout()))) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			this.audit.record(AuditEvent.failure("SESSION_END", "company-user:" + user.userId(),
					ClientContext.of(request), "absolute-timeout"));
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				response.sendRedirect(request.getContextPath() + "/empresas/ingreso?sesion=expirada");
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
