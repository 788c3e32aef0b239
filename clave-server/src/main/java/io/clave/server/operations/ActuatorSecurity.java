package io.clave.server.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the actuator (docs/production.md, "Health and metrics"), in a filter chain of its own ahead of the
 * pages' chain, which lets everything else through:
 * <ul>
 * <li>{@code /actuator/health} (and its liveness and readiness groups) is public, because load balancers and
 * orchestrators ask it without credentials; they get the status only. Its components and details (database, SMTP,
 * SMS gateway) are shown only to a signed-in back-office operator ({@code management.endpoint.health.roles}).</li>
 * <li>{@code /actuator/info} is public: it holds nothing but what the build says about itself.</li>
 * <li>{@code /actuator/prometheus} answers only a scraper sending {@code Authorization: Bearer} with
 * {@code clave.operations.metrics-token}; with no token set, nobody. Metrics name no customer, but they tell how the
 * bank's logins and messages are going, which is not for the public.</li>
 * <li>Any other endpoint is refused, even if someone exposes it by setting.</li>
 * </ul>
 * The same rules hold when the actuator runs on a port of its own ({@code management.server.port}).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

	static final String SCRAPER_ROLE = "METRICS";

	@Bean
	@Order(2)
	SecurityFilterChain actuator(HttpSecurity http, OperationsSettings settings) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "info"))
				.permitAll()
				.requestMatchers(EndpointRequest.to("prometheus"))
				.hasRole(SCRAPER_ROLE)
				.anyRequest()
				.denyAll())
			.addFilterBefore(new ScraperToken(settings.metricsToken()), AuthorizationFilter.class)
			// nothing here starts a login, so there is no request to remember and no session to create for it
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, failure) -> {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}));
		return http.build();
	}

	/**
	 * Authenticates the Prometheus scraper for this one request (the context is never stored in a session) when it
	 * sends the configured token, compared in constant time.
	 */
	static final class ScraperToken extends OncePerRequestFilter {

		private static final String BEARER = "Bearer ";

		private final byte[] token;

		private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

		ScraperToken(String token) {
			this.token = token.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (this.token.length > 0 && header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
					&& MessageDigest.isEqual(this.token,
							header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8))) {
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("prometheus-scraper", null,
						List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER_ROLE))));
				this.contexts.setContext(context);
			}
			chain.doFilter(request, response);
		}

	}

}
