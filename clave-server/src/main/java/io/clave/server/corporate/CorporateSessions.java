package io.clave.server.corporate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of company users, kept in the same store as the customers' (Spring Session JDBC) but with
 * their own principal ({@link SignedInCompanyUser}) and roles: {@code ROLE_COMPANY_USER} (and
 * {@code ROLE_COMPANY_ADMIN}), never {@code ROLE_CUSTOMER}, so neither kind of session opens the other's pages.
 */
@Component
public class CorporateSessions {

	private final FindByIndexNameSessionRepository<? extends Session> repository;

	private final CorporateLoginSettings settings;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	CorporateSessions(FindByIndexNameSessionRepository<? extends Session> repository,
			CorporateLoginSettings settings) {
		this.repository = repository;
		this.settings = settings;
	}

	/**
	 * Makes the request's session a signed-in one, under a new session id; the user's other sessions end when the
	 * bank configured so.
	 * @return the id of the signed-in session
	 */
	public String open(SignedInCompanyUser user, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true);
		request.changeSessionId();
		store(user, request, response);
		String sessionId = request.getSession().getId();
		if (this.settings.endOtherSessions()) {
			endAll(user.userId(), sessionId);
		}
		return sessionId;
	}

	/** The same session with a changed principal (the profile chosen or switched). */
	public void replace(SignedInCompanyUser user, HttpServletRequest request, HttpServletResponse response) {
		store(user, request, response);
	}

	/** Ends every session of the company user but the one kept (if any); returns how many ended. */
	public int endAll(UUID userId, @Nullable String keep) {
		int ended = 0;
		for (String id : this.repository.findByPrincipalName("company-user:" + userId).keySet()) {
			if (!id.equals(keep)) {
				this.repository.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	private void store(SignedInCompanyUser user, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user)));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	static List<GrantedAuthority> authorities(SignedInCompanyUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + SignedInCompanyUser.USER_ROLE));
		if (user.admin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + SignedInCompanyUser.ADMIN_ROLE));
		}
		return authorities;
	}

}
