package io.clave.server.backoffice.web;

import io.clave.server.backoffice.SignedInOperator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Makes a request's session an operator's, as the customer login does for customers: a new session id first (what
 * was known of the session before the login is worth nothing after it), then the security context in the session.
 * The authorities are the operator's, never {@code ROLE_CUSTOMER}, so the session reaches no customer page.
 */
@Component
class OperatorSessions {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	void open(SignedInOperator operator, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true).removeAttribute(PendingSignIn.ATTRIBUTE);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(operator, null,
				AuthorityUtils.createAuthorityList(operator.authorities())));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
