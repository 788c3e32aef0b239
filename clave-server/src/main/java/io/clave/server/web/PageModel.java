package io.clave.server.web;

import io.clave.server.login.LoginSettings;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.shared.BankSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the bank, and for a signed-in customer the session's timings. */
@ControllerAdvice
class PageModel {

	private final BankSettings bank;

	private final SessionTimings sessionTimings;

	PageModel(BankSettings bank, LoginSettings login,
			@Value("${server.servlet.session.timeout:5m}") java.time.Duration idleTimeout) {
		this.bank = bank;
		this.sessionTimings = new SessionTimings(idleTimeout.toSeconds(), login.sessionWarning().toSeconds());
	}

	@ModelAttribute("bank")
	BankSettings bank() {
		return this.bank;
	}

	@ModelAttribute("signedIn")
	@Nullable SignedInCustomer signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedInCustomer customer ? customer
				: null;
	}

	@ModelAttribute("sessionTimings")
	SessionTimings sessionTimings() {
		return this.sessionTimings;
	}

	/** Seconds of inactivity before the session ends, and how long before that the page warns. */
	record SessionTimings(long idleSeconds, long warningSeconds) {
	}

}
