package io.clave.server.recovery.web;

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

import io.clave.server.corebanking.CreditCardForm;
import io.clave.server.corebanking.DebitCardForm;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.PasswordPolicy;
import io.clave.server.onetimekey.OneTimeKeySettings;
import io.clave.server.recovery.Recoveries;
import io.clave.server.recovery.RecoveryForms.AnswerForm;
import io.clave.server.recovery.RecoveryForms.OneTimeKeyForm;
import io.clave.server.recovery.RecoveryForms.PasswordForm;
import io.clave.server.recovery.RecoveryOutcome;
import io.clave.server.recovery.RecoveryStart;
import io.clave.server.recovery.RecoveryStep;
import io.clave.server.recovery.RecoveryView;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recovery pages ("Olvidé mi usuario o clave"). Thin: each handler calls {@link Recoveries} with the token kept
 * in the HTTP session, then shows the step the flow says the customer is on. Typing the address of a later step,
 * reloading, or going back never skips a step: every GET shows the current step, and a recovery that is over shows
 * why, with a way to start again.
 */
@Controller
@RequestMapping("/recuperar")
class RecoveryPages {

	static final String TOKEN = "clave.recovery.token";

	private final Recoveries recoveries;

	private final ChallengeQuestions questions;

	private final PasswordPolicy passwordPolicy;

	private final OneTimeKeySettings keySettings;

	private final SecureRandom random;

	private final BankSettings bank;

	private final Clock clock;

	RecoveryPages(Recoveries recoveries, ChallengeQuestions questions, PasswordPolicy passwordPolicy,
			OneTimeKeySettings keySettings, SecureRandom random, BankSettings bank, Clock clock) {
		this.recoveries = recoveries;
		this.questions = questions;
		this.passwordPolicy = passwordPolicy;
		this.keySettings = keySettings;
		this.random = random;
		this.bank = bank;
		this.clock = clock;
	}

	// ---- what recovery does, and the card ---------------------------------------------------------------------

	@GetMapping
	String start() {
		return "recovery/start";
	}

	@GetMapping("/tarjeta-debito")
	String debitCard(Model model) {
		return cardForm(model, Map.of(), Map.of(), null, "recovery/debit-card");
	}

	@PostMapping("/tarjeta-debito")
	String startWithDebitCard(DebitCardForm form, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		RecoveryStart outcome = this.recoveries.startWithDebitCard(form, ClientContext.of(request));
		tooMany(outcome, response);
		if (outcome.started()) {
			return begin(outcome, request);
		}
		Map<String, String> values = new HashMap<>();
		values.put("cedula", safe(form.cedula()));
		values.put("issueDate", safe(form.issueDate()));
		values.put("expiryYear", safe(form.expiryYear()));
		return cardForm(model, values, outcome.fieldErrors(), errorOf(outcome), "recovery/debit-card");
	}

	@GetMapping("/tarjeta-credito")
	String creditCard(Model model) {
		return cardForm(model, Map.of(), Map.of(), null, "recovery/credit-card");
	}

	@PostMapping("/tarjeta-credito")
	String startWithCreditCard(CreditCardForm form, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		RecoveryStart outcome = this.recoveries.startWithCreditCard(form, ClientContext.of(request));
		tooMany(outcome, response);
		if (outcome.started()) {
			return begin(outcome, request);
		}
		Map<String, String> values = new HashMap<>();
		values.put("expiryMonth", safe(form.expiryMonth()));
		values.put("expiryYear", safe(form.expiryYear()));
		values.put("savingsAccount", safe(form.savingsAccount()));
		return cardForm(model, values, outcome.fieldErrors(), errorOf(outcome), "recovery/credit-card");
	}

	private String cardForm(Model model, Map<String, String> values, Map<String, String> errors,
			@Nullable String error, String view) {
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("keypad", shuffledDigits());
		if (error != null) {
			model.addAttribute("error", error);
		}
		return view;
	}

	private String begin(RecoveryStart outcome, HttpServletRequest request) {
		// a new session id for the new state, against session fixation
		request.getSession(true);
		request.changeSessionId();
		request.getSession().setAttribute(TOKEN, outcome.token().orElseThrow());
		return "redirect:/recuperar/" + RecoveryStep.CONTACT_CHECK.slug();
	}

	private static void tooMany(RecoveryStart outcome, HttpServletResponse response) {
		outcome.retryAfter().ifPresent(wait -> {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(wait.toSeconds()));
		});
	}

	private static String errorOf(RecoveryStart outcome) {
		return outcome.error().isEmpty() ? "form.errors" : outcome.error();
	}

	// ---- the steps --------------------------------------------------------------------------------------------

	@GetMapping("/{slug}")
	String step(@PathVariable String slug, HttpSession session, Model model, Locale locale) {
		Optional<RecoveryView> view = view(session);
		if (view.isEmpty()) {
			return over(session, model);
		}
		RecoveryStep current = view.get().step();
		if (!current.slug().equals(slug)) {
			return "redirect:/recuperar/" + current.slug();
		}
		if (current == RecoveryStep.COMPLETED) {
			// shown once: the username is on it, and nothing is left to do with this recovery
			session.removeAttribute(TOKEN);
		}
		return show(view.get(), model, Map.of(), null, locale);
	}

	@PostMapping("/contacto")
	String contact(@RequestParam(defaultValue = "") String action, HttpSession session, HttpServletRequest request,
			Model model, Locale locale, RedirectAttributes redirect) {
		if ("back".equals(action)) {
			this.recoveries.cancel(token(session), ClientContext.of(request));
			session.removeAttribute(TOKEN);
			return "redirect:/recuperar";
		}
		return after(this.recoveries.sendKey(token(session), ClientContext.of(request), locale), session, model, locale,
				redirect);
	}

	@PostMapping("/clave-temporal")
	String verifyKey(OneTimeKeyForm form, HttpSession session, HttpServletRequest request, Model model,
			Locale locale, RedirectAttributes redirect) {
		return after(this.recoveries.verifyKey(token(session), form, ClientContext.of(request)), session, model, locale,
				redirect);
	}

	@PostMapping("/clave-temporal/nueva")
	String resendKey(HttpSession session, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		return after(this.recoveries.sendKey(token(session), ClientContext.of(request), locale), session, model, locale,
				redirect);
	}

	@PostMapping("/pregunta")
	String answer(AnswerForm form, HttpSession session, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		return after(this.recoveries.answerQuestion(token(session), form, ClientContext.of(request)), session, model, locale,
				redirect);
	}

	@PostMapping("/nueva-clave")
	String newPassword(PasswordForm form, HttpSession session, HttpServletRequest request, Model model,
			Locale locale, RedirectAttributes redirect) {
		return after(this.recoveries.setPassword(token(session), form, ClientContext.of(request), locale), session, model,
				locale, redirect);
	}

	// ---- after a submission -----------------------------------------------------------------------------------

	private String after(RecoveryOutcome outcome, HttpSession session, Model model, Locale locale,
			RedirectAttributes redirect) {
		switch (outcome.kind()) {
			case ADVANCED -> {
				return "redirect:/recuperar/" + outcome.step().slug();
			}
			case WRONG_STEP -> {
				redirect.addFlashAttribute("notice", outcome.error());
				return "redirect:/recuperar/" + outcome.step().slug();
			}
			case OVER -> {
				model.addAttribute("reason", outcome.error());
				session.removeAttribute(TOKEN);
				return "recovery/over";
			}
			default -> {
				Optional<RecoveryView> view = view(session);
				if (view.isEmpty()) {
					return over(session, model);
				}
				return show(view.get(), model, outcome.fieldErrors(), outcome.error(), locale);
			}
		}
	}

	private String show(RecoveryView view, Model model, Map<String, String> errors, @Nullable String error,
			Locale locale) {
		RecoveryStep step = view.step();
		model.addAttribute("recovery", view);
		model.addAttribute("values", Map.of());
		model.addAttribute("errors", errors);
		if (error != null && !error.isEmpty()) {
			model.addAttribute("error", error);
		}
		switch (step) {
			case ONE_TIME_KEY -> {
				model.addAttribute("keyMinutes", this.keySettings.lifetime().toMinutes());
				model.addAttribute("keyLength", this.keySettings.length());
				model.addAttribute("keypad", shuffledDigits());
				view.keyExpiresAt().ifPresent(at -> {
					model.addAttribute("keyExpiresAtText", time(at));
					model.addAttribute("keySecondsLeft",
							Math.max(0, Duration.between(this.clock.instant(), at).toSeconds()));
				});
				model.addAttribute("nextKeyAtText", view.nextKeyAt().map(this::time).orElse(""));
				model.addAttribute("moreKeys", view.nextKeyAt().isPresent());
				model.addAttribute("canResend",
						view.nextKeyAt().filter(at -> !at.isAfter(this.clock.instant())).isPresent());
			}
			case CHALLENGE_QUESTION -> model.addAttribute("question", view.questionId()
				.flatMap(this.questions::find)
				.map(question -> question.text(locale))
				.orElse(""));
			case NEW_PASSWORD -> {
				model.addAttribute("minLength", this.passwordPolicy.minLength());
				model.addAttribute("maxLength", this.passwordPolicy.maxLength());
			}
			default -> {
			}
		}
		return "recovery/" + step.slug();
	}

	private String over(HttpSession session, Model model) {
		String token = token(session);
		model.addAttribute("reason", token.isEmpty() ? "recovery.not-found" : this.recoveries.whyOver(token));
		session.removeAttribute(TOKEN);
		return "recovery/over";
	}

	private Optional<RecoveryView> view(HttpSession session) {
		String token = token(session);
		return token.isEmpty() ? Optional.empty() : this.recoveries.view(token);
	}

	/**
	 * The digit order of the virtual keyboard, shuffled every time it is shown so that the positions clicked say
	 * nothing about the PIN or key to someone watching or recording the screen.
	 */
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
		return value.length() > 100 ? value.substring(0, 100) : value;
	}

}
