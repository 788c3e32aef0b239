package io.clave.server.login;

import io.clave.server.shared.ClientContext;
import java.time.Clock;
import java.util.List;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HeaderHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), so any instance serves any request and a restart logs nobody
 * out. Pages carry the session id in a cookie; the mobile app's API carries it in the {@code X-Auth-Token} header
 * and never in a cookie, which is why the API needs no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	HttpSessionIdResolver httpSessionIdResolver(
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookie) {
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName("SESSION");
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		cookies.setUseSecureCookie(secureCookie);
		CookieHttpSessionIdResolver byCookie = new CookieHttpSessionIdResolver();
		byCookie.setCookieSerializer(cookies);
		HeaderHttpSessionIdResolver byHeader = HeaderHttpSessionIdResolver.xAuthToken();
		return new HttpSessionIdResolver() {

			@Override
			public List<String> resolveSessionIds(HttpServletRequest request) {
				return pick(request).resolveSessionIds(request);
			}

			@Override
			public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
				pick(request).setSessionId(request, response, sessionId);
			}

			@Override
			public void expireSession(HttpServletRequest request, HttpServletResponse response) {
				pick(request).expireSession(request, response);
			}

			private HttpSessionIdResolver pick(HttpServletRequest request) {
				return request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? byHeader : byCookie;
			}

		};
	}

	@Bean
	SessionLimits sessionLimits(LoginSettings settings, Clock clock, AuditTrail audit) {
		return new SessionLimits(settings, clock, audit);
	}

	/** The filter runs inside the security chain only, not a second time as a servlet filter. */
	@Bean
	FilterRegistrationBean<SessionLimits> sessionLimitsOutsideTheChain(SessionLimits limits) {
		FilterRegistrationBean<SessionLimits> registration = new FilterRegistrationBean<>(limits);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	LogoutHandler loginLogoutHandler(AuditTrail audit) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof SignedInCustomer customer) {
				audit.record(AuditEvent.success("LOGOUT", "user:" + customer.userId(), ClientContext.of(request)));
			}
		};
	}

}
