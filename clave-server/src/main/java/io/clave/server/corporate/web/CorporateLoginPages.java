package io.clave.server.corporate.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.clave.server.corporate.CorporateLoginOutcome;
import io.clave.server.corporate.CorporateLoginStep;
import io.clave.server.corporate.CorporateLoginView;
import io.clave.server.corporate.CorporateLogins;
import io.clave.server.corporate.CorporateSessions;
import io.clave.server.corporate.CredentialPolicy;
import io.clave.server.corporate.CredentialRule;
import io.clave.server.corporate.SignedInCompanyUser;
import io.clave.server.onetimekey.OneTimeKeySettings;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * The corporate portal's login pages: username and password on one page, then the clave temporal sent to the mobile
 * and e-mail, then at the first login the definitive username and password. The flow's token is kept in the
 * session; every GET shows the step the flow is on, whatever address was typed.
 */
@Controller
@RequestMapping("/empresas/ingreso")
class CorporateLoginPages {

	static final String TOKEN = "clave.corporate.login.token";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String START = "redirect:/empresas/ingreso";

	private static final String KEY_PAGE = "redirect:/empresas/ingreso/clave-temporal";

	private static final String CREDENTIALS_PAGE = "redirect:/empresas/ingreso/credenciales";

	private final CorporateLogins logins;

	private final CorporateSessions sessions;

	private final OneTimeKeySettings keySettings;

	private final BankSettings bank;

	private final Clock clock;

	CorporateLoginPages(CorporateLogins logins, CorporateSessions sessions, OneTimeKeySettings keySettings,
			BankSettings bank, Clock clock) {
		this.logins = logins;
		this.sessions = sessions;
		this.keySettings = keySettings;
		this.bank = bank;
		this.clock = clock;
	}

	// ---- username and password ----------------------------------------------------------------------------------

	@GetMapping
	String login(@RequestParam(name = "salida", required = false) @Nullable String loggedOut,
			@AuthenticationPrincipal @Nullable SignedInCompanyUser signedIn, Model model) {
		if (signedIn != null) {
			return "redirect:/empresas/portal";
		}
		if (loggedOut != null && !model.containsAttribute("notice")) {
			model.addAttribute("notice", "corporate.login.logged-out");
		}
		return "corporate/login";
	}

	@PostMapping
	String submitLogin(@RequestParam(name = "username", required = false) @Nullable String username,
			@RequestParam(name = "password", required = false) @Nullable String password, HttpServletRequest request,
			HttpServletResponse response, Locale locale, Model model) {
		CorporateLoginOutcome outcome = this.logins.start(username, password, ClientContext.of(request), locale);
		if (outcome.kind() != CorporateLoginOutcome.Kind.NEXT_STEP || outcome.token() == null) {
			rateLimit(outcome, response);
			model.addAttribute("error", outcome.messageKey());
			model.addAttribute("username", username == null ? "" : username.strip());
			return "corporate/login";
		}
		HttpSession session = request.getSession(true);
		request.changeSessionId();
		session.setAttribute(TOKEN, outcome.token());
		return KEY_PAGE;
	}

	@PostMapping("/cancelar")
	String cancel(HttpSession session) {
		String token = (String) session.getAttribute(TOKEN);
		if (token != null) {
			this.logins.cancel(token);
		}
		session.removeAttribute(TOKEN);
		return START;
	}

	// ---- the clave temporal -------------------------------------------------------------------------------------

	@GetMapping("/clave-temporal")
	String key(HttpSession session, Model model, Locale locale, RedirectAttributes redirect) {
		Optional<CorporateLoginView> view = view(session);
		if (view.isEmpty()) {
			return restart(session, redirect, session.getAttribute(TOKEN) == null ? null : "corporate.login.over");
		}
		if (view.get().step() != CorporateLoginStep.KEY) {
			return CREDENTIALS_PAGE;
		}
		Instant now = this.clock.instant();
		CorporateLoginView login = view.get();
		model.addAttribute("login", login);
		model.addAttribute("keyLength", this.keySettings.length());
		model.addAttribute("keyMinutes", this.keySettings.lifetime().toMinutes());
		model.addAttribute("keypad", digits());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (login.keyExpiresAt() != null) {
			model.addAttribute("keySecondsLeft", Math.max(0, Duration.between(now, login.keyExpiresAt()).toSeconds()));
			model.addAttribute("keyExpiresAtText", time(login.keyExpiresAt(), locale));
		}
		boolean moreKeys = login.nextKeyAt() != null;
		model.addAttribute("moreKeys", moreKeys);
		model.addAttribute("canResend", moreKeys && !login.nextKeyAt().isAfter(now));
		model.addAttribute("nextKeyAtText", moreKeys ? time(login.nextKeyAt(), locale) : "");
		return "corporate/login-key";
	}

	@PostMapping("/clave-temporal")
	String submitKey(@RequestParam(name = "key", required = false) @Nullable String key, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
			RedirectAttributes redirect) {
		String token = (String) session.getAttribute(TOKEN);
		if (token == null) {
			return restart(session, redirect, "corporate.login.over");
		}
		CorporateLoginOutcome outcome = this.logins.submitKey(token, key, ClientContext.of(request), locale);
		return switch (outcome.kind()) {
			case SIGNED_IN -> {
				session.removeAttribute(TOKEN);
				this.sessions.open(outcome.user(), request, response);
				yield outcome.user().profile() == null ? "redirect:/empresas/portal/perfil" : "redirect:/empresas/portal";
			}
			case NEXT_STEP -> CREDENTIALS_PAGE;
			case OVER, CREDENTIALS_CREATED -> restart(session, redirect, outcome.messageKey());
			case REFUSED, RATE_LIMITED -> {
				rateLimit(outcome, response);
				model.addAttribute("error", outcome.messageKey());
				yield key(session, model, locale, redirect);
			}
		};
	}

	@PostMapping("/clave-temporal/nueva")
	String resend(HttpSession session, Locale locale, RedirectAttributes redirect) {
		String token = (String) session.getAttribute(TOKEN);
		if (token == null) {
			return restart(session, redirect, "corporate.login.over");
		}
		CorporateLoginOutcome outcome = this.logins.resendKey(token, locale);
		if (outcome.kind() == CorporateLoginOutcome.Kind.OVER) {
			return restart(session, redirect, outcome.messageKey());
		}
		boolean sent = outcome.kind() == CorporateLoginOutcome.Kind.NEXT_STEP;
		redirect.addFlashAttribute(sent ? "notice" : "error", sent ? "corporate.login.key.resent" : outcome.messageKey());
		return KEY_PAGE;
	}

	// ---- the definitive credentials (first login) ---------------------------------------------------------------

	@GetMapping("/credenciales")
	String credentials(HttpSession session, Model model, RedirectAttributes redirect) {
		Optional<CorporateLoginView> view = view(session);
		if (view.isEmpty()) {
			return restart(session, redirect, session.getAttribute(TOKEN) == null ? null : "corporate.login.over");
		}
		if (view.get().step() != CorporateLoginStep.CREDENTIALS) {
			return KEY_PAGE;
		}
		CredentialPolicy policy = this.logins.credentialPolicy();
		model.addAttribute("policy", policy);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", Map.of("username", ""));
		}
		return "corporate/login-credentials";
	}

	@PostMapping("/credenciales")
	String submitCredentials(@RequestParam(name = "username", required = false) @Nullable String username,
			@RequestParam(name = "password", required = false) @Nullable String password,
			@RequestParam(name = "confirmation", required = false) @Nullable String confirmation, HttpSession session,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		String token = (String) session.getAttribute(TOKEN);
		if (token == null) {
			return restart(session, redirect, "corporate.login.over");
		}
		CorporateLoginOutcome outcome = this.logins.submitCredentials(token, username, password, confirmation,
				ClientContext.of(request), locale);
		return switch (outcome.kind()) {
			case CREDENTIALS_CREATED -> {
				session.removeAttribute(TOKEN);
				redirect.addFlashAttribute("notice", outcome.messageKey());
				yield START;
			}
			case REFUSED -> {
				model.addAttribute("errors", errors(outcome.rules()));
				model.addAttribute("values", Map.of("username", username == null ? "" : username.strip()));
				if (outcome.rules().isEmpty()) {
					model.addAttribute("error", outcome.messageKey());
				}
				yield credentials(session, model, redirect);
			}
			default -> restart(session, redirect, outcome.messageKey());
		};
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private static Map<String, String> errors(List<CredentialRule> rules) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (CredentialRule rule : rules) {
			errors.putIfAbsent(rule.field(), rule.messageKey());
		}
		return errors;
	}

	private Optional<CorporateLoginView> view(HttpSession session) {
		String token = (String) session.getAttribute(TOKEN);
		return token == null ? Optional.empty() : this.logins.view(token);
	}

	private static String restart(HttpSession session, RedirectAttributes redirect, @Nullable String messageKey) {
		session.removeAttribute(TOKEN);
		if (messageKey != null) {
			boolean bad = messageKey.equals("corporate.login.locked")
					|| messageKey.equals("corporate.login.credentials-expired")
					|| messageKey.equals("corporate.login.key.flow-ended");
			redirect.addFlashAttribute(bad ? "error" : "notice", messageKey);
		}
		return START;
	}

	private static void rateLimit(CorporateLoginOutcome outcome, HttpServletResponse response) {
		if (outcome.kind() == CorporateLoginOutcome.Kind.RATE_LIMITED && outcome.retryAfter() != null) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(Math.max(1, outcome.retryAfter().toSeconds())));
		}
	}

	/** The digits of the virtual keyboard, shuffled at each page. */
	private static List<Integer> digits() {
		List<Integer> digits = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
		Collections.shuffle(digits, RANDOM);
		return digits;
	}

	private String time(Instant instant, Locale locale) {
		return DateTimeFormatter.ofPattern("HH:mm:ss", locale).withZone(this.bank.timeZone()).format(instant);
	}

}
