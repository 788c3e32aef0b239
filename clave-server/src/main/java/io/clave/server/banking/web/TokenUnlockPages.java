package io.clave.server.banking.web;

import io.clave.server.shared.ClientContext;
import java.util.Locale;

import io.clave.server.login.SignedInCustomer;
import io.clave.server.softtoken.SoftTokens;
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
 */
@Controller
@RequestMapping("/banca/servicios/segundo-factor/desbloqueo")
class TokenUnlockPages {

	static final String CHALLENGE = "clave.token-unlock.challenge";

	private final SoftTokens tokens;

	TokenUnlockPages(SoftTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String challenge(HttpSession session, Model model) {
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
				return challenge(session, model);
			}
		}
	}

	@PostMapping("/clave-temporal")
	String submitKey(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "key", required = false) @Nullable String key, HttpSession session,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		String challenge = (String) session.getAttribute(CHALLENGE);
		if (challenge == null) {
			return "redirect:/banca/servicios/segundo-factor/desbloqueo";
		}
		UnlockOutcome outcome = this.tokens.finishUnlock(customer.userId(), challenge, key == null ? "" : key,
				ClientContext.of(request));
		switch (outcome.kind()) {
			case UNLOCKED -> {
				session.removeAttribute(CHALLENGE);
				model.addAttribute("unlockCode", outcome.unlockCode());
				model.addAttribute("active", "second-factor");
				return "banking/token-unlocked";
			}
			case OVER -> {
				session.removeAttribute(CHALLENGE);
				redirect.addFlashAttribute("error", outcome.messageKey());
				return "redirect:/banca/servicios/segundo-factor/desbloqueo";
			}
			default -> {
				model.addAttribute("error", outcome.messageKey());
				return challenge(session, model);
			}
		}
	}

}
