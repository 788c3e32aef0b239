package io.clave.server.banking.web;

import io.clave.server.shared.ClientContext;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.login.SignedInCustomer;
import io.clave.server.softtoken.SoftTokens;
import io.clave.server.softtoken.TokenApp;
import io.clave.server.softtoken.TokenStatus;
import io.clave.server.softtoken.UnlockOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Servicios Bancarios › Segundo Factor Seguridad › Desbloqueo App": the challenge code the locked app shows, a
 * clave temporal by SMS, then the unlock code for the app. The code is shown in the answer, never kept.
 * <p>
 * A standard authenticator app (Google Authenticator and the like) has no PIN and so nothing to unlock: for a customer
 * whose token is of that kind (or, with none, when new tokens are) the page says so and offers only to lift the lock
 * the server puts on a token after too many wrong codes, after a clave temporal by SMS; no unlock code is shown.
 */
@Controller
@RequestMapping("/banca/servicios/segundo-factor/desbloqueo")
class TokenUnlockPages {

	static final String CHALLENGE = "clave.token-unlock.challenge";

	/** Standard app: the id of this unlock's clave temporal flow (not a secret). */
	static final String SERVER_UNLOCK = "clave.token-unlock.server-attempt";

	private final SoftTokens tokens;

	TokenUnlockPages(SoftTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String challenge(@AuthenticationPrincipal SignedInCustomer customer, HttpSession session, Model model) {
		Optional<TokenStatus> token = this.tokens.inUse(customer.userId());
		if (token.map(t -> t.app() == TokenApp.STANDARD_AUTHENTICATOR)
			.orElse(this.tokens.appForNewTokens() == TokenApp.STANDARD_AUTHENTICATOR)) {
			model.addAttribute("active", "second-factor");
			model.addAttribute("hasToken", token.isPresent());
			model.addAttribute("locked", token.map(TokenStatus::locked).orElse(false));
			model.addAttribute("keyStep", session.getAttribute(SERVER_UNLOCK) != null);
			return "banking/token-unlock-standard";
		}
		model.addAttribute("active", "second-factor");
		model.addAttribute("keyStep", session.getAttribute(CHALLENGE) != null);
		return "banking/token-unlock";
	}

	@PostMapping("/desafio")
	String submitChallenge(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "challenge", required = false) @Nullable String challenge, HttpSession session,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		String typed = challenge == null ? "" : challenge.strip();
		UnlockOutcome outcome = this.tokens.startUnlock(customer.userId(), typed, locale, ClientContext.of(request));
		switch (outcome.kind()) {
			case KEY_SENT -> {
				session.setAttribute(CHALLENGE, typed);
				if (outcome.messageKey() != null) {
					redirect.addFlashAttribute("notice", outcome.messageKey());
				}
				return "redirect:/banca/servicios/segundo-factor/desbloqueo";
			}
			case OVER -> {
				session.removeAttribute(CHALLENGE);
				redirect.addFlashAttribute("error", outcome.messageKey());
				return "redirect:/banca/servicios/segundo-factor";
			}
			default -> {
				model.addAttribute("error", outcome.messageKey());
				return challenge(customer, session, model);
			}
		}
	}

	/** Standard app: a clave temporal to lift the server's lock. */
	@PostMapping("/servidor")
	String startServerUnlock(@AuthenticationPrincipal SignedInCustomer customer, HttpSession session,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		UUID attempt = session.getAttribute(SERVER_UNLOCK) instanceof UUID known ? known : UUID.randomUUID();
		UnlockOutcome outcome = this.tokens.startServerUnlock(customer.userId(), attempt, locale,
				ClientContext.of(request));
		if (outcome.kind() == UnlockOutcome.Kind.KEY_SENT) {
			session.setAttribute(SERVER_UNLOCK, attempt);
			if (outcome.messageKey() != null) {
				redirect.addFlashAttribute("notice", outcome.messageKey());
			}
			return "redirect:/banca/servicios/segundo-factor/desbloqueo";
		}
		session.removeAttribute(SERVER_UNLOCK);
		redirect.addFlashAttribute("error", outcome.messageKey());
		return "redirect:/banca/servicios/segundo-factor";
	}

	@PostMapping("/clave-temporal")
	String submitKey(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "key", required = false) @Nullable String key, HttpSession session,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		String challenge = (String) session.getAttribute(CHALLENGE);
		UUID serverAttempt = session.getAttribute(SERVER_UNLOCK) instanceof UUID known ? known : null;
		if (challenge == null && serverAttempt == null) {
			return "redirect:/banca/servicios/segundo-factor/desbloqueo";
		}
		String typed = key == null ? "" : key;
		UnlockOutcome outcome = serverAttempt != null
				? this.tokens.finishServerUnlock(customer.userId(), serverAttempt, typed, ClientContext.of(request))
				: this.tokens.finishUnlock(customer.userId(), challenge, typed, ClientContext.of(request));
		switch (outcome.kind()) {
			case UNLOCKED, LOCK_LIFTED -> {
				session.removeAttribute(CHALLENGE);
				session.removeAttribute(SERVER_UNLOCK);
				model.addAttribute("unlockCode", outcome.unlockCode());
				model.addAttribute("active", "second-factor");
				return "banking/token-unlocked";
			}
			case OVER -> {
				session.removeAttribute(CHALLENGE);
				session.removeAttribute(SERVER_UNLOCK);
				redirect.addFlashAttribute("error", outcome.messageKey());
				return "redirect:/banca/servicios/segundo-factor/desbloqueo";
			}
			default -> {
				model.addAttribute("error", outcome.messageKey());
				return challenge(customer, session, model);
			}
		}
	}

}
