package io.clave.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.clave.server.backoffice.OperatorLogins;
import io.clave.server.backoffice.SignedInOperator;
import io.clave.server.corporate.CorporateSessionLimits;
import io.clave.server.login.SessionLimits;
import io.clave.server.shared.ClientContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * One filter chain for pages and API. Signed-in pages live under {@code /banca} and the mobile app's signed-in API
 * under {@code /api/v1/me}; the rest is public. A visitor whose session ended, or whose form outlived its session,
 * lands on the login page with a message, never on an error page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Swagger UI needs inline styles and scripts; it only documents the API and carries no customer data. */
	static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

	static final String LOGIN_PAGE = "/ingreso";

	/** The corporate portal's login page: where its signed-in pages send a visitor without a session. */
	static final String CORPORATE_LOGIN_PAGE = "/empresas/ingreso";

	/** The corporate portal's signed-in pages and JSON, for any company user. */
	static final String[] CORPORATE_PATHS = { "/empresas/portal/**", "/api/v1/corporate/me/**" };

	/** The administrator's management of the company's users. */
	static final String[] CORPORATE_ADMIN_PATHS = { "/empresas/portal/usuarios/**", "/api/v1/corporate/me/users/**" };

	static final String BACKOFFICE_LOGIN_PAGE = "/backoffice/ingreso";

	@Bean
	SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
		http.securityMatcher("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_DOCS_POLICY)));
		return http.build();
	}

	/**
	 * The bank staff's console, a chain of its own so that it has its own login page and sign-out: only a session
	 * signed in by an operator ({@code ROLE_BACKOFFICE}) passes, never a customer's; the customer chain below lets no
	 * operator into {@code /banca}, since operators never hold {@code ROLE_CUSTOMER}.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain backoffice(HttpSecurity http, OperatorLogins operatorLogins) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher("/backoffice", "/backoffice/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(BACKOFFICE_LOGIN_PAGE, BACKOFFICE_LOGIN_PAGE + "/**")
				.permitAll()
				.requestMatchers("/backoffice/afiliaciones", "/backoffice/afiliaciones/**", "/backoffice/importaciones",
						"/backoffice/importaciones/**")
				.hasRole("OPERATOR")
				.requestMatchers("/backoffice/clientes", "/backoffice/clientes/**")
				.hasAnyRole("OPERATOR", "SUPERVISOR")
				.requestMatchers("/backoffice/solicitudes", "/backoffice/solicitudes/**")
				.hasRole("SUPERVISOR")
				.requestMatchers("/backoffice/auditoria", "/backoffice/auditoria/**")
				.hasRole("AUDITOR")
				.anyRequest()
				.hasAuthority(SignedInOperator.BACKOFFICE_AUTHORITY))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(SecurityConfiguration::toBackofficeLogin)
				.accessDeniedHandler(accessDenied()))
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			.logout(logout -> logout.logoutRequestMatcher(paths.matcher(org.springframework.http.HttpMethod.POST, "/backoffice/salir"))
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof SignedInOperator operator) {
						operatorLogins.signedOut(operator, ClientContext.of(request));
					}
				})
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("SESSION")
				.logoutSuccessUrl(BACKOFFICE_LOGIN_PAGE + "?salida"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@Bean
	SecurityFilterChain web(HttpSecurity http, SessionLimits sessionLimits, CorporateSessionLimits corporateSessionLimits,
			LogoutHandler loginLogoutHandler) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/banca/**", "/api/v1/me/**")
			.hasRole("CUSTOMER")
			.requestMatchers(CORPORATE_ADMIN_PATHS)
			.hasRole("COMPANY_ADMIN")
			.requestMatchers(CORPORATE_PATHS)
			.hasRole("COMPANY_USER")
			.anyRequest()
			.permitAll())
			// the JSON API authenticates with headers (flow tokens, X-Auth-Token), never with a cookie
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::apiUnauthorized, paths.matcher("/api/**"))
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::toCorporateLoginPage,
						paths.matcher("/empresas/**"))
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::toLoginPage, AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(accessDenied()))
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			.addFilterAfter(sessionLimits, SecurityContextHolderFilter.class)
			// the same absolute limit for company users' sessions (their own settings, their own login page)
			.addFilterAfter(corporateSessionLimits, SecurityContextHolderFilter.class)
			.logout(logout -> logout.logoutRequestMatcher(paths.matcher(org.springframework.http.HttpMethod.POST, "/salir"))
				.addLogoutHandler(loginLogoutHandler)
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("SESSION")
				.logoutSuccessUrl(LOGIN_PAGE + "?salida"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/** A signed-in page asked without a session: the login page, saying the session ended if there was one. */
	static void toLoginPage(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException failure) throws IOException {
		boolean hadSession = request.getRequestedSessionId() != null;
		response.sendRedirect(request.getContextPath() + LOGIN_PAGE + (hadSession ? "?sesion=expirada" : ""));
	}

	/** The same for the corporate portal, whose users log in on their own page. */
	static void toCorporateLoginPage(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException failure) throws IOException {
		boolean hadSession = request.getRequestedSessionId() != null;
		response.sendRedirect(request.getContextPath() + CORPORATE_LOGIN_PAGE + (hadSession ? "?sesion=expirada" : ""));
	}

	/** A console page asked without an operator's session: the console's login, never the customers'. */
	static void toBackofficeLogin(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException failure) throws IOException {
		boolean hadSession = request.getRequestedSessionId() != null;
		response.sendRedirect(request.getContextPath() + BACKOFFICE_LOGIN_PAGE + (hadSession ? "?sesion=expirada" : ""));
	}

	static void apiUnauthorized(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException failure) throws IOException {
		problem(response, HttpStatus.UNAUTHORIZED, "session.required",
				"Log in first, then send the session in the X-Auth-Token header.");
	}

	/**
	 * A form posted after its session ended carries a CSRF token nobody knows any more. That is not an attack to
	 * report but a customer who waited: send them to the start of what they were doing, with a message.
	 */
	private static AccessDeniedHandler accessDenied() {
		return (request, response, denied) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (denied instanceof CsrfException && !path.startsWith("/api/")) {
				String start = path.startsWith("/registro") ? "/registro" : path.startsWith("/recuperar") ? "/recuperar"
						: path.startsWith("/empresas/recuperar") ? "/empresas/recuperar"
								: path.startsWith("/empresas") ? CORPORATE_LOGIN_PAGE
										: path.startsWith("/backoffice") ? BACKOFFICE_LOGIN_PAGE : LOGIN_PAGE;
				response.sendRedirect(request.getContextPath() + start + "?sesion=expirada");
				return;
			}
			if (path.startsWith("/api/")) {
				problem(response, HttpStatus.FORBIDDEN, "http.403", "Not allowed.");
				return;
			}
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		};
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String code, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
	}

}
