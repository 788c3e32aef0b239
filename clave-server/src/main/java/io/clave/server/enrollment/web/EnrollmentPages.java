package io.clave.server.enrollment.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.clave.server.corebanking.CreditCardForm;
import io.clave.server.corebanking.DebitCardForm;
import io.clave.server.enrollment.CardCheckOutcome;
import io.clave.server.enrollment.EnrollmentForms.ChallengeForm;
import io.clave.server.enrollment.EnrollmentForms.ContactDataForm;
import io.clave.server.enrollment.EnrollmentForms.OneTimeKeyForm;
import io.clave.server.enrollment.EnrollmentForms.PasswordForm;
import io.clave.server.enrollment.EnrollmentForms.SecondFactorForm;
import io.clave.server.enrollment.EnrollmentForms.SecurityImageForm;
import io.clave.server.enrollment.EnrollmentForms.UsernameForm;
import io.clave.server.enrollment.EnrollmentStep;
import io.clave.server.enrollment.EnrollmentView;
import io.clave.server.enrollment.Enrollments;
import io.clave.server.enrollment.StepOutcome;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.PasswordPolicy;
import io.clave.server.identity.SecurityImages;
import io.clave.server.identity.UsernamePolicy;
import io.clave.server.onetimekey.OneTimeKeySettings;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enrollment pages. Thin: each handler calls {@link Enrollments} with the token kept in the HTTP session, then
 * shows the step the flow says the customer is on. Typing the address of a later step, reloading, or going back never
 * skips or breaks a step: every GET shows the current step.
 */
@Controller
@RequestMapping("/registro")
class EnrollmentPages {

	static final String TOKEN = "clave.enrollment.token";

	private final Enrollments enrollments;

	private final SecurityImages images;

	private final ChallengeQuestions questions;

	private final UsernamePolicy usernamePolicy;

	private final PasswordPolicy passwordPolicy;

	private final OneTimeKeySettings keySettings;

	private final KeypadLayouts keypads;

	private final BankSettings bank;

	private final Clock clock;

	EnrollmentPages(Enrollments enrollments, SecurityImages images, ChallengeQuestions questions,
			UsernamePolicy usernamePolicy, PasswordPolicy passwordPolicy, OneTimeKeySettings keySettings,
			KeypadLayouts keypads, BankSettings bank, Clock clock) {
		this.enrollments = enrollments;
		this.images = images;
		this.questions = questions;
		this.usernamePolicy = usernamePolicy;
		this.passwordPolicy = passwordPolicy;
		this.keySettings = keySettings;
		this.keypads = keypads;
		this.bank = bank;
		this.clock = clock;
	}

	// ---- choosing the path and the card -----------------------------------------------------------------------

	@GetMapping
	String choose() {
		return "enrollment/choose";
	}

	@GetMapping("/empresas")
	String business() {
		return "enrollment/business";
	}

	@GetMapping("/tarjeta-debito")
	String debitCard(Model model) {
		model.addAttribute("values", Map.of());
		model.addAttribute("errors", Map.of());
		return "enrollment/debit-card";
	}

	@PostMapping("/tarjeta-debito")
	String startWithDebitCard(DebitCardForm form, HttpServletRequest request, Model model) {
		CardCheckOutcome outcome = this.enrollments.startWithDebitCard(form, ClientContext.of(request));
		if (outcome.started()) {
			return begin(outcome, request);
		}
		Map<String, String> values = new HashMap<>();
		values.put("cedula", safe(form.cedula()));
		values.put("issueDate", safe(form.issueDate()));
		values.put("expiryYear", safe(form.expiryYear()));
		return showCardErrors(model, outcome, values, "enrollment/debit-card");
	}

	@GetMapping("/tarjeta-credito")
	String creditCard(Model model) {
		model.addAttribute("values", Map.of());
		model.addAttribute("errors", Map.of());
		return "enrollment/credit-card";
	}

	@PostMapping("/tarjeta-credito")
	String startWithCreditCard(CreditCardForm form, HttpServletRequest request, Model model) {
		CardCheckOutcome outcome = this.enrollments.startWithCreditCard(form, ClientContext.of(request));
		if (outcome.started()) {
			return begin(outcome, request);
		}
		Map<String, String> values = new HashMap<>();
		values.put("expiryMonth", safe(form.expiryMonth()));
		values.put("expiryYear", safe(form.expiryYear()));
		values.put("savingsAccount", safe(form.savingsAccount()));
		return showCardErrors(model, outcome, values, "enrollment/credit-card");
	}

	private String begin(CardCheckOutcome outcome, HttpServletRequest request) {
		// a new session id for the new state, against session fixation
		request.getSession(true);
		request.changeSessionId();
		request.getSession().setAttribute(TOKEN, outcome.token().orElseThrow());
		return "redirect:/registro/" + EnrollmentStep.CONTACT_CHECK.slug();
	}

	private String showCardErrors(Model model, CardCheckOutcome outcome, Map<String, String> values, String view) {
		model.addAttribute("values", values);
		model.addAttribute("errors", outcome.fieldErrors());
		model.addAttribute("error", outcome.error().isEmpty() ? "form.errors" : outcome.error());
		return view;
	}

	// ---- the steps --------------------------------------------------------------------------------------------

	@GetMapping("/{slug}")
	String step(@PathVariable String slug, HttpSession session, Model model, Locale locale) {
		Optional<EnrollmentView> view = view(session);
		if (view.isEmpty()) {
			return over(session, model);
		}
		EnrollmentStep current = view.get().step();
		if (!current.slug().equals(slug)) {
			return "redirect:/registro/" + current.slug();
		}
		return show(view.get(), model, Map.of(), Map.of(), "", locale);
	}

	@PostMapping("/contacto")
	String contact(@RequestParam(defaultValue = "") String action, HttpSession session, HttpServletRequest request,
			Model model, Locale locale, RedirectAttributes redirect) {
		if ("back".equals(action)) {
			this.enrollments.cancel(token(session), ClientContext.of(request));
			session.removeAttribute(TOKEN);
			return "redirect:/registro";
		}
		return after(this.enrollments.sendKey(token(session), ClientContext.of(request), locale), session, model, locale,
				Map.of(), redirect);
	}

	@PostMapping("/clave-temporal")
	String verifyKey(OneTimeKeyForm form, HttpSession session, HttpServletRequest request, Model model,
			Locale locale, RedirectAttributes redirect) {
		return after(this.enrollments.verifyKey(token(session), form, ClientContext.of(request)), session, model, locale,
				Map.of(), redirect);
	}

	@PostMapping("/clave-temporal/nueva")
	String resendKey(HttpSession session, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		return after(this.enrollments.sendKey(token(session), ClientContext.of(request), locale), session, model, locale,
				Map.of(), redirect);
	}

	@PostMapping("/usuario")
	String username(UsernameForm form, HttpSession session, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		return after(this.enrollments.chooseUsername(token(session), form, ClientContext.of(request)), session, model, locale,
				Map.of("username", safe(form.username()), "confirmation", safe(form.confirmation())), redirect);
	}

	@PostMapping("/clave")
	String password(PasswordForm form, HttpSession session, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		return after(this.enrollments.choosePassword(token(session), form, ClientContext.of(request)), session, model, locale,
				Map.of(), redirect);
	}

	@PostMapping("/imagen")
	String image(SecurityImageForm form, HttpSession session, HttpServletRequest request, Model model, Locale locale,
			RedirectAttributes redirect) {
		return after(this.enrollments.chooseSecurityImage(token(session), form, ClientContext.of(request)), session, model,
				locale, Map.of("image", safe(form.image()), "phrase", safe(form.phrase())), redirect);
	}

	@PostMapping("/datos")
	String contactData(ContactDataForm form, HttpSession session, HttpServletRequest request, Model model,
			Locale locale, RedirectAttributes redirect) {
		return after(this.enrollments.updateContactData(token(session), form, ClientContext.of(request)), session, model, locale,
				Map.of("homePhone", safe(form.homePhone()), "workPhone", safe(form.workPhone())), redirect);
	}

	@PostMapping("/preguntas")
	String challengeQuestions(ChallengeForm form, HttpSession session, HttpServletRequest request, Model model,
			Locale locale, RedirectAttributes redirect) {
		Map<String, String> values = new HashMap<>();
		values.put("question1", safe(form.question1()));
		values.put("question2", safe(form.question2()));
		values.put("question3", safe(form.question3()));
		return after(this.enrollments.answerChallengeQuestions(token(session), form, ClientContext.of(request)), session, model,
				locale, values, redirect);
	}

	@PostMapping("/segundo-factor")
	String secondFactor(SecondFactorForm form, HttpSession session, HttpServletRequest request, Model model,
			Locale locale, RedirectAttributes redirect) {
		return after(this.enrollments.chooseSecondFactor(token(session), form, ClientContext.of(request), locale), session,
				model, locale, Map.of(), redirect);
	}

	// ---- after a submission -----------------------------------------------------------------------------------

	private String after(StepOutcome outcome, HttpSession session, Model model, Locale locale,
			Map<String, String> values, RedirectAttributes redirect) {
		switch (outcome.kind()) {
			case ADVANCED -> {
				return "redirect:/registro/" + outcome.step().slug();
			}
			case WRONG_STEP -> {
				redirect.addFlashAttribute("notice", outcome.error());
				return "redirect:/registro/" + outcome.step().slug();
			}
			case OVER -> {
				model.addAttribute("reason", outcome.error());
				if (!"enrollment.not-found".equals(outcome.error())) {
					session.removeAttribute(TOKEN);
				}
				return "enrollment/over";
			}
			default -> {
				Optional<EnrollmentView> view = view(session);
				if (view.isEmpty()) {
					return over(session, model);
				}
				return show(view.get(), model, values, outcome.fieldErrors(),
						outcome.error().isEmpty() ? "form.errors" : outcome.error(), locale);
			}
		}
	}

	private String show(EnrollmentView view, Model model, Map<String, String> values, Map<String, String> errors,
			String error, Locale locale) {
		EnrollmentStep step = view.step();
		model.addAttribute("enrollment", view);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		if (!error.isEmpty()) {
			model.addAttribute("error", error);
		}
		model.addAttribute("wizardSteps", List.of(1, 2, 3, 4, 5, 6));
		model.addAttribute("currentWizardStep", step.wizardNumber());
		switch (step) {
			case ONE_TIME_KEY -> {
				model.addAttribute("keyMinutes", this.keySettings.lifetime().toMinutes());
				model.addAttribute("keyLength", this.keySettings.length());
				model.addAttribute("keypad", this.keypads.shuffled());
				view.keyExpiresAt().ifPresent(at -> {
					model.addAttribute("keyExpiresAt", at.toString());
					model.addAttribute("keyExpiresAtText", time(at));
					model.addAttribute("keySecondsLeft", Math.max(0, Duration.between(this.clock.instant(), at).toSeconds()));
				});
				model.addAttribute("nextKeyAtText", view.nextKeyAt().map(this::time).orElse(""));
				model.addAttribute("moreKeys", view.nextKeyAt().isPresent());
				model.addAttribute("canResend",
						view.nextKeyAt().filter(at -> !at.isAfter(this.clock.instant())).isPresent());
			}
			case USERNAME -> {
				model.addAttribute("minLength", this.usernamePolicy.minLength());
				model.addAttribute("maxLength", this.usernamePolicy.maxLength());
			}
			case PASSWORD -> {
				model.addAttribute("minLength", this.passwordPolicy.minLength());
				model.addAttribute("maxLength", this.passwordPolicy.maxLength());
			}
			case SECURITY_IMAGE -> model.addAttribute("images", this.images.all());
			case CHALLENGE_QUESTIONS -> {
				Map<String, String> texts = new LinkedHashMap<>();
				this.questions.all().forEach(question -> texts.put(question.id(), question.text(locale)));
				model.addAttribute("questions", texts);
				model.addAttribute("questionNumbers", List.of(1, 2, 3));
			}
			default -> {
			}
		}
		return "enrollment/" + step.slug();
	}

	private String over(HttpSession session, Model model) {
		String token = token(session);
		model.addAttribute("reason", token.isEmpty() ? "enrollment.not-found" : this.enrollments.whyOver(token));
		session.removeAttribute(TOKEN);
		return "enrollment/over";
	}

	private Optional<EnrollmentView> view(HttpSession session) {
		String token = token(session);
		return token.isEmpty() ? Optional.empty() : this.enrollments.view(token);
	}

	private String time(Instant at) {
		return DateTimeFormatter.ofPattern("HH:mm:ss").format(at.atZone(this.bank.timeZone()));
	}

	private static String token(HttpSession session) {
		return session.getAttribute(TOKEN) instanceof String token ? token : "";
	}


	/** Echoes what was typed back into the form, bounded; Thymeleaf escapes it. */
	private static String safe(String value) {
		if (value == null) {
			return "";
		}
		return value.length() > 100 ? value.substring(0, 100) : value;
	}

}
