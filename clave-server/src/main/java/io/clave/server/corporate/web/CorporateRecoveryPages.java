package io.clave.server.corporate.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.clave.server.corporate.CorporateRecoveries;
import io.clave.server.corporate.CorporateRecoveryForms.KeyForm;
import io.clave.server.corporate.CorporateRecoveryForms.PasswordForm;
import io.clave.server.corporate.CorporateRecoveryForms.StartForm;
import io.clave.server.corporate.CorporateRecoveryOutcome;
import io.clave.server.corporate.CorporateRecoveryStart;
import io.clave.server.corporate.CorporateRecoveryStep;
import io.clave.server.corporate.CorporateRecoveryView;
import io.clave.server.corporate.CredentialPolicy;
import io.clave.server.identity.IdentitySettings;
import io.clave.server.onetimekey.OneTimeKeySettings;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "¿Olvidó su usuario y/o clave?" of the corporate portal, step by step as the seed has it. Thin: each handler
 * calls {@link CorporateRecoveries} with the token kept in the HTTP session, then shows the step the flow is on.
 * Typing the address of a later step, reloading or going back never skips a step: every GET shows the current step,
 * and a recovery that is over says why, with a way to start again.
 */
@NullMarked
@Controller
@RequestMapping(CorporateRecoveryPages.BASE)
class CorporateRecoveryPages {

	static final String BASE = "/empresas/recuperar";

	static final String TOKEN = "clave.corporate-recovery.token";

	private final CorporateRecoveries recoveries;

	private final CredentialPolicy policy;

	private final IdentitySettings identity;

	private final OneTimeKeySettings keySettings;

	private final SecureRandom random;

	private final BankSettings bank;

	private final Clock clock;

	CorporateRecoveryPages(CorporateRecoveries recoveries, CredentialPolicy policy, IdentitySettings identity,
			OneTimeKeySettings keySettings, SecureRandom random, BankSettings bank, Clock clock) {
		this.recoveries = recoveries;
		this.policy = policy;
		this.identity = identity;
		this.keySettings = keySettings;
		this.random = random;
		this.bank = bank;
		this.clock = clock;
	}

	// ---- the RUC and the identity number ----------------------------------------------------------------------

	@GetMapping
	String start(Model model) {
		return startForm(model, Map.of(), Map.of(), null);
	}

	@PostMapping
	String begin(StartForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			Locale locale) {
		CorporateRecoveryStart outcome = this.recoveries.start(form, ClientContext.of(request), locale);
		if (outcome.started()) {
			// a new session id for the new state, against session fixation
			request.getSession(true);
			request.changeSessionId();
			request.getSession().setAttribute(TOKEN, outcome.token().orElseThrow());
			return "redirect:" + BASE + "/" + CorporateRecoveryStep.ONE_TIME_KEY.slug();
		}
		outcome.retryAfter().ifPresent(wait -> {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(wait.toSeconds()));
		});
		Map<String, String> values = new HashMap<>();
		values.put("ruc", safe(form.ruc()));
		values.put("documentNumber", safe(form.documentNumber()));
		return startForm(model, values, outcome.fieldErrors(),
				outcome.error().isEmpty() ? "form.errors" : outcome.error());
	}

	private String startForm(Model model, Map<String, String> values, Map<String, String> errors,
			@Nullable String error) {
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("keyMinutes", this.keySettings.lifetime().toMinutes());
		if (error != null) {
			model.addAttribute("error", error);
		}
		return "corporate/recovery";
	}

	// ---- the steps --------------------------------------------------------------------------------------------

	@GetMapping("/{slug}")
	String step(@PathVariable String slug, HttpSession session, Model model) {
		Optional<CorporateRecoveryView> view = view(session);
		if (view.isEmpty()) {
			return over(session, model);
		}
		CorporateRecoveryStep current = view.get().step();
		if (!current.slug().equals(slug)) {
			return "redirect:" + BASE + "/" + current.slug();
		}
		if (current.last()) {
			// shown once: nothing is left to do with this recovery
			session.removeAttribute(TOKEN);
		}
		return show(view.get(), model, Map.of(), null);
	}

	@PostMapping("/clave-temporal")
	String verifyKey(KeyForm form, HttpSession session, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		return after(this.recoveries.verifyKey(token(session), form, ClientContext.of(request), locale), session,
				model, redirect);
	}

	@PostMapping("/clave-temporal/nueva")
	String resendKey(HttpSession session, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		return after(this.recoveries.resendKey(token(session), ClientContext.of(request), locale), session, model,
				redirect);
	}

	@PostMapping("/nueva-clave")
	String newPassword(PasswordForm form, HttpSession session, HttpServletRequest request, Model model,
			Locale locale, RedirectAttributes redirect) {
		return after(this.recoveries.setPassword(token(session), form, ClientContext.of(request), locale), session,
				model, redirect);
	}

	@PostMapping("/cancelar")
	String cancel(HttpSession session, HttpServletRequest request) {
		this.recoveries.cancel(token(session), ClientContext.of(request));
		session.removeAttribute(TOKEN);
		return "redirect:" + BASE;
	}

	// ---- after a submission -----------------------------------------------------------------------------------

	private String after(CorporateRecoveryOutcome outcome, HttpSession session, Model model,
			RedirectAttributes redirect) {
		switch (outcome.kind()) {
			case ADVANCED -> {
				return "redirect:" + BASE + "/" + outcome.step().slug();
			}
			case WRONG_STEP -> {
				redirect.addFlashAttribute("notice", outcome.error());
				return "redirect:" + BASE + "/" + outcome.step().slug();
			}
			case OVER -> {
				model.addAttribute("reason", outcome.error());
				session.removeAttribute(TOKEN);
				return "corporate/recovery-over";
			}
			default -> {
				Optional<CorporateRecoveryView> view = view(session);
				if (view.isEmpty()) {
					return over(session, model);
				}
				return show(view.get(), model, outcome.fieldErrors(), outcome.error());
			}
		}
	}

	private String show(CorporateRecoveryView view, Model model, Map<String, String> errors,
			@Nullable String error) {
		model.addAttribute("recovery", view);
		model.addAttribute("values", Map.of());
		model.addAttribute("errors", errors);
		if (error != null && !error.isEmpty()) {
			model.addAttribute("error", error);
		}
		return switch (view.step()) {
			case ONE_TIME_KEY -> {
				Instant now = this.clock.instant();
				model.addAttribute("keyMinutes", this.keySettings.lifetime().toMinutes());
				model.addAttribute("keyLength", this.keySettings.length());
				model.addAttribute("keypad", shuffledDigits());
				view.keyExpiresAt().ifPresent(at -> {
					model.addAttribute("keyExpiresAtText", time(at));
					model.addAttribute("keySecondsLeft", Math.max(0, Duration.between(now, at).toSeconds()));
				});
				model.addAttribute("nextKeyAtText", view.nextKeyAt().map(this::time).orElse(""));
				model.addAttribute("moreKeys", view.nextKeyAt().isPresent());
				model.addAttribute("canResend", view.nextKeyAt().filter(at -> !at.isAfter(now)).isPresent());
				yield "corporate/recovery-key";
			}
			case NEW_PASSWORD -> {
				model.addAttribute("minLength", this.policy.passwordMinLength());
				model.addAttribute("maxLength", this.policy.passwordMaxLength());
				model.addAttribute("history", this.identity.passwordHistory());
				yield "corporate/recovery-password";
			}
			case COMPLETED -> "corporate/recovery-done";
			case TEMPORARY_REISSUED -> "corporate/recovery-temporary";
		};
	}

	private String over(HttpSession session, Model model) {
		String token = token(session);
		model.addAttribute("reason",
				token.isEmpty() ? CorporateRecoveryOutcome.NOT_FOUND : this.recoveries.whyOver(token));
		session.removeAttribute(TOKEN);
		return "corporate/recovery-over";
	}

	private Optional<CorporateRecoveryView> view(HttpSession session) {
		String token = token(session);
		return token.isEmpty() ? Optional.empty() : this.recoveries.view(token);
	}

	/** The virtual keyboard's digits, shuffled every time it is shown. */
	private List<Integer> shuffledDigits() {
		List<Integer> digits = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
		Collections.shuffle(digits, this.random);
		return digits;
	}

	private String time(Instant at) {
		return DateTimeFormatter.ofPattern("HH:mm:ss").format(at.atZone(this.bank.timeZone()));
	}

	private static String token(HttpSession session) {
		return session.getAttribute(TOKEN) instanceof String token ? token : "";
	}

	/** Echoes what was typed back into the form, bounded; Thymeleaf escapes it. */
	private static String safe(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return value.length() > 30 ? value.substring(0, 30) : value;
	}

}
