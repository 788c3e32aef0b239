package io.clave.server.login;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of customers: opening one after a login (with a new session id) and ending them, one or all.
 * Sessions are found by the user id, which Spring Session indexes as the principal name.
 */
@Component
public class Sessions {

	private final FindByIndexNameSessionRepository<? extends Session> repository;

	private final LoginSettings settings;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	Sessions(FindByIndexNameSessionRepository<? extends Session> repository, LoginSettings settings) {
		this.repository = repository;
		this.settings = settings;
	}

	/**
	 * Makes the request's session a signed-in one. The session id changes first, so that an id known before the login
	 * is worth nothing after it; the customer's other sessions end when the bank configured so.
	 * @return the id of the signed-in session
	 */
	public String open(SignedInCustomer customer, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(customer, null,
				AuthorityUtils.createAuthorityList("ROLE_CUSTOMER")));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		String sessionId = request.getSession().getId();
		if (this.settings.endOtherSessions()) {
			endAll(customer.userId(), sessionId);
		}
		return sessionId;
	}

	/** Ends every session of the user but the one kept (if any); returns how many ended. */
	public int endAll(UUID userId, @Nullable String keep) {
		int ended = 0;
		for (String id : this.repository.findByPrincipalName(userId.toString()).keySet()) {
			if (!id.equals(keep)) {
				this.repository.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

}
