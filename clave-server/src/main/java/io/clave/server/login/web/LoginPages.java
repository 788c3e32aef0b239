package io.clave.server.login.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import io.clave.server.login.LoginOutcome;
import io.clave.server.login.LoginStarted;
import io.clave.server.login.LoginStep;
import io.clave.server.login.LoginView;
import io.clave.server.login.Logins;
import io.clave.server.login.SecondFactorChallenge;
import io.clave.server.login.Sessions;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.onetimekey.OneTimeKeySettings;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The login pages: username, then the security image with the password, then the second factor. The flow's token
 * is kept in the session; every GET shows the step the flow is on, whatever address was typed.
 */
@Controller
@RequestMapping("/ingreso")
class LoginPages {

	static final String TOKEN = "clave.login.token";

	private final Logins logins;

	private final Sessions sessions;

	private final PasswordKeyboards keyboards;

	private final OneTimeKeySettings keySettings;

	private final BankSettings bank;

	private final Clock clock;

	private final boolean secureCookies;

	LoginPages(Logins logins, Sessions sessions, PasswordKeyboards keyboards, OneTimeKeySettings keySettings,
			BankSettings bank, Clock clock, @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
		this.logins = logins;
		this.sessions = sessions;
		this.keyboards = keyboards;
		this.keySettings = keySettings;
		this.bank = bank;
		this.clock = clock;
		this.secureCookies = secureCookies;
	}

	// ---- the username -------------------------------------------------------------------------------------------

	@GetMapping
	String username(@RequestParam(name = "salida", required = false) @Nullable String loggedOut,
			@RequestParam(name = "motivo", required = false) @Nullable String reason,
			@AuthenticationPrincipal @Nullable SignedInCustomer signedIn, Model model) {
		if (signedIn != null) {
			return "redirect:/banca";
		}
		if ("bloqueo".equals(reason) && !model.containsAttribute("error")) {
			// a signed-in customer whose wrong codes locked the access: they proved the password, so say it
			model.addAttribute("error", "login.locked");
		}
		if (loggedOut != null && !model.containsAttribute("notice")) {
			model.addAttribute("notice", "login.logged-out");
		}
		return "login/username";
	}

	@PostMapping
	String submitUsername(@RequestParam(name = "username", required = false) @Nullable String username,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		LoginStarted started = this.logins.start(username, ClientContext.of(request));
		if (!started.started()) {
			if (started.retryAfter() != null) {
				response.setHeader("Retry-After", Long.toString(started.retryAfter().toSeconds()));
				response.setStatus(429);
			}
			model.addAttribute("error", started.messageKey());
			return "login/username";
		}
		HttpSession session = request.getSession(true);
		request.changeSessionId();
		session.setAttribute(TOKEN, started.token());
		return "redirect:/ingreso/clave";
	}

	@PostMapping("/cancelar")
	String cancel(HttpSession session) {
		session.removeAttribute(TOKEN);
		return "redirect:/ingreso";
	}

	// ---- the image and the password -----------------------------------------------------------------------------

	@GetMapping("/clave")
	String password(HttpSession session, Model model, RedirectAttributes redirect) {
		Optional<LoginView> view = view(session);
		if (view.isEmpty()) {
			return restart(session, redirect, session.getAttribute(TOKEN) == null ? null : "login.over");
		}
		if (view.get().step() != LoginStep.PASSWORD) {
			return "redirect:/ingreso/segundo-factor";
		}
		model.addAttribute("login", view.get());
		model.addAttribute("keyboard", this.keyboards.shuffled());
		return "login/password";
	}

	@PostMapping("/clave")
	String submitPassword(@RequestParam(name = "password", required = false) @Nullable String password,
			@CookieValue(name = "clave-dispositivo", required = false) @Nullable String device, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
			RedirectAttributes redirect) {
		String token = (String) session.getAttribute(TOKEN);
		if (token == null) {
			return restart(session, redirect, "login.over");
		}
		LoginOutcome outcome = this.logins.submitPassword(token, password, device, ClientContext.of(request), locale);
		return switch (outcome.kind()) {
			case NEXT_STEP -> "redirect:/ingreso/segundo-factor";
			case SIGNED_IN -> signIn(outcome, session, request, response);
			case OVER -> restart(session, redirect, outcome.messageKey());
			case REFUSED, RATE_LIMITED -> {
				rateLimit(outcome, response);
				model.addAttribute("error", outcome.messageKey());
				yield password(session, model, redirect);
			}
		};
	}

	// ---- the second factor --------------------------------------------------------------------------------------

	@GetMapping("/segundo-factor")
	String secondFactor(HttpSession session, Model model, Locale locale, RedirectAttributes redirect) {
		Optional<LoginView> view = view(session);
		if (view.isEmpty()) {
			return restart(session, redirect, session.getAttribute(TOKEN) == null ? null : "login.over");
		}
		if (view.get().step() != LoginStep.SECOND_FACTOR || view.get().challenge() == null) {
			return "redirect:/ingreso/clave";
		}
		SecondFactorChallenge challenge = view.get().challenge();
		Instant now = this.clock.instant();
		model.addAttribute("login", view.get());
		model.addAttribute("tokenCode", challenge.kind() == SecondFactorChallenge.Kind.TOKEN_CODE);
		model.addAttribute("keyLength", this.keySettings.length());
		model.addAttribute("keyMinutes", this.keySettings.lifetime().toMinutes());
		model.addAttribute("keypad", this.keyboards.digits());
		if (challenge.expiresAt() != null) {
			model.addAttribute("keySecondsLeft", Math.max(0, Duration.between(now, challenge.expiresAt()).toSeconds()));
			model.addAttribute("keyExpiresAtText", time(challenge.expiresAt(), locale));
		}
		boolean moreKeys = challenge.nextKeyAt() != null;
		model.addAttribute("moreKeys", moreKeys);
		model.addAttribute("canResend", moreKeys && !challenge.nextKeyAt().isAfter(now));
		model.addAttribute("nextKeyAtText", moreKeys ? time(challenge.nextKeyAt(), locale) : "");
		return "login/second-factor";
	}

	@PostMapping("/segundo-factor")
	String submitSecondFactor(@RequestParam(name = "key", required = false) @Nullable String key,
			HttpSession session, HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
			RedirectAttributes redirect) {
		String token = (String) session.getAttribute(TOKEN);
		if (token == null) {
			return restart(session, redirect, "login.over");
		}
		LoginOutcome outcome = this.logins.submitSecondFactor(token, key, ClientContext.of(request), locale);
		return switch (outcome.kind()) {
			case SIGNED_IN -> signIn(outcome, session, request, response);
			case NEXT_STEP -> "redirect:/ingreso/segundo-factor";
			case OVER -> restart(session, redirect, outcome.messageKey());
			case REFUSED, RATE_LIMITED -> {
				rateLimit(outcome, response);
				model.addAttribute("error", outcome.messageKey());
				yield secondFactor(session, model, locale, redirect);
			}
		};
	}

	@PostMapping("/segundo-factor/sms")
	String useSms(HttpSession session, Locale locale, RedirectAttributes redirect) {
		String token = (String) session.getAttribute(TOKEN);
		if (token == null) {
			return restart(session, redirect, "login.over");
		}
		LoginOutcome outcome = this.logins.useOneTimeKeyInstead(token, locale);
		if (outcome.kind() == LoginOutcome.Kind.OVER) {
			return restart(session, redirect, outcome.messageKey());
		}
		return "redirect:/ingreso/segundo-factor";
	}

	@PostMapping("/segundo-factor/nueva")
	String resend(HttpSession session, Locale locale, RedirectAttributes redirect) {
		String token = (String) session.getAttribute(TOKEN);
		if (token == null) {
			return restart(session, redirect, "login.over");
		}
		LoginOutcome outcome = this.logins.resendKey(token, locale);
		if (outcome.kind() == LoginOutcome.Kind.OVER) {
			return restart(session, redirect, outcome.messageKey());
		}
		redirect.addFlashAttribute(outcome.kind() == LoginOutcome.Kind.NEXT_STEP ? "notice" : "error",
				outcome.kind() == LoginOutcome.Kind.NEXT_STEP ? "login.key.resent" : outcome.messageKey());
		return "redirect:/ingreso/segundo-factor";
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private String signIn(LoginOutcome outcome, HttpSession session, HttpServletRequest request,
			HttpServletResponse response) {
		session.removeAttribute(TOKEN);
		this.sessions.open(outcome.customer(), request, response);
		if (outcome.trustedDeviceCookie() != null) {
			Cookie cookie = new Cookie("clave-dispositivo", outcome.trustedDeviceCookie());
			cookie.setHttpOnly(true);
			cookie.setSecure(this.secureCookies);
			cookie.setPath(request.getContextPath() + "/ingreso");
			cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, this.logins.trustedDeviceLifetime().toSeconds()));
			cookie.setAttribute("SameSite", "Strict");
			response.addCookie(cookie);
		}
		return outcome.tokenActivationPending() ? "redirect:/banca/aviso-token" : "redirect:/banca";
	}

	private Optional<LoginView> view(HttpSession session) {
		String token = (String) session.getAttribute(TOKEN);
		return token == null ? Optional.empty() : this.logins.view(token);
	}

	private static String restart(HttpSession session, RedirectAttributes redirect, @Nullable String messageKey) {
		session.removeAttribute(TOKEN);
		if (messageKey != null) {
			redirect.addFlashAttribute(messageKey.equals("login.locked") ? "error" : "notice", messageKey);
		}
		return "redirect:/ingreso";
	}

	private static void rateLimit(LoginOutcome outcome, HttpServletResponse response) {
		if (outcome.kind() == LoginOutcome.Kind.RATE_LIMITED && outcome.retryAfter() != null) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(Math.max(1, outcome.retryAfter().toSeconds())));
		}
	}

	private String time(Instant instant, Locale locale) {
		return DateTimeFormatter.ofPattern("HH:mm:ss", locale).withZone(this.bank.timeZone()).format(instant);
	}


}
