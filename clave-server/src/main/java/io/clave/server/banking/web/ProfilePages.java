package io.clave.server.banking.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.clave.server.banking.PendingPasswordChange;
import io.clave.server.banking.ProfileForms.ChallengeForm;
import io.clave.server.banking.ProfileForms.PasswordChangeForm;
import io.clave.server.banking.ProfileForms.PhonesForm;
import io.clave.server.banking.ProfileForms.SecurityImageForm;
import io.clave.server.banking.ProfileOutcome;
import io.clave.server.banking.ProfileView;
import io.clave.server.banking.Profiles;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.PasswordPolicy;
import io.clave.server.identity.SecurityImages;
import io.clave.server.login.SecondFactorChallenge;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.onetimekey.OneTimeKeySettings;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.Formats;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The profile: an overview, then one page per change. A saved change goes back to the overview with a notice
 * (post, redirect, get); a refused one shows its page again with the messages. When wrong passwords or codes lock
 * the account, the session ends and the customer lands on the login page.
 */
@Controller
@RequestMapping("/banca/perfil")
class ProfilePages {

	static final String LOGIN_AFTER_LOCK = "redirect:/ingreso?motivo=bloqueo";

	private final Profiles profiles;

	private final SecurityImages images;

	private final ChallengeQuestions questions;

	private final PasswordPolicy passwordPolicy;

	private final OneTimeKeySettings keySettings;

	private final Formats formats;

	private final Clock clock;

	ProfilePages(Profiles profiles, SecurityImages images, ChallengeQuestions questions,
			PasswordPolicy passwordPolicy, OneTimeKeySettings keySettings, BankingPageModel model, Clock clock) {
		this.profiles = profiles;
		this.images = images;
		this.questions = questions;
		this.passwordPolicy = passwordPolicy;
		this.keySettings = keySettings;
		this.formats = model.formats();
		this.clock = clock;
	}

	@GetMapping
	String overview(@AuthenticationPrincipal SignedInCustomer customer, Model model, Locale locale) {
		ProfileView profile = this.profiles.view(customer.userId());
		model.addAttribute("profile", profile);
		model.addAttribute("image", this.images.find(profile.securityImage()).orElse(null));
		model.addAttribute("phrase", profile.securityPhrase().orElse(null));
		model.addAttribute("homePhone", profile.homePhone().orElse(null));
		model.addAttribute("workPhone", profile.workPhone().orElse(null));
		model.addAttribute("questionTexts", profile.questionIds()
			.stream()
			.map(id -> this.questions.find(id).map(question -> question.text(locale)).orElse(id))
			.toList());
		return page(model, "banking/profile");
	}

	// ---- the password -----------------------------------------------------------------------------------------

	@GetMapping("/clave")
	String password(Model model) {
		return passwordPage(model, Map.of(), null);
	}

	@PostMapping("/clave")
	String startPasswordChange(@AuthenticationPrincipal SignedInCustomer customer, PasswordChangeForm form,
			HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model,
			Locale locale) {
		ProfileOutcome outcome = this.profiles.startPasswordChange(customer.userId(), form, ClientContext.of(request), locale);
		return switch (outcome.kind()) {
			case CHALLENGE_SENT -> {
				session.setAttribute(PendingPasswordChange.SESSION_ATTRIBUTE, outcome.pending());
				yield "redirect:/banca/perfil/clave/confirmar";
			}
			case LOCKED -> endSession(customer, request, response);
			default -> passwordPage(model, outcome.fieldErrors(), outcome.error());
		};
	}

	@GetMapping("/clave/confirmar")
	String passwordKey(@AuthenticationPrincipal SignedInCustomer customer, HttpSession session, Model model,
			Locale locale, RedirectAttributes redirect) {
		Optional<SecondFactorChallenge> status = this.profiles.passwordKeyStatus(customer.userId(), pending(session));
		if (status.isEmpty()) {
			return startAgain(session, redirect);
		}
		return keyPage(customer, status.get(), model, locale, Map.of(), null);
	}

	@PostMapping("/clave/confirmar")
	String confirmPasswordChange(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "code", required = false) @Nullable String code, HttpServletRequest request,
			HttpServletResponse response, HttpSession session, Model model, Locale locale,
			RedirectAttributes redirect) {
		PendingPasswordChange pending = pending(session);
		ProfileOutcome outcome = this.profiles.confirmPasswordChange(customer.userId(), pending, code,
				ClientContext.of(request), locale);
		switch (outcome.kind()) {
			case DONE -> {
				session.removeAttribute(PendingPasswordChange.SESSION_ATTRIBUTE);
				redirect.addFlashAttribute("notice", "profile.password.changed");
				return "redirect:/banca/perfil";
			}
			case LOCKED -> {
				return endSession(customer, request, response);
			}
			case OVER -> {
				return startAgain(session, redirect);
			}
			default -> {
				if (outcome.fieldErrors().containsKey("password")) {
					// the new password can no longer be used: choose another one
					session.removeAttribute(PendingPasswordChange.SESSION_ATTRIBUTE);
					return passwordPage(model, outcome.fieldErrors(), outcome.error());
				}
				Optional<SecondFactorChallenge> status = this.profiles.passwordKeyStatus(customer.userId(), pending);
				if (status.isEmpty()) {
					return startAgain(session, redirect);
				}
				return keyPage(customer, status.get(), model, locale, outcome.fieldErrors(), outcome.error());
			}
		}
	}

	@PostMapping("/clave/reenviar")
	String resendPasswordKey(@AuthenticationPrincipal SignedInCustomer customer, HttpSession session, Locale locale,
			RedirectAttributes redirect) {
		ProfileOutcome outcome = this.profiles.resendPasswordKey(customer.userId(), pending(session), locale);
		if (outcome.kind() == ProfileOutcome.Kind.OVER) {
			return startAgain(session, redirect);
		}
		if (outcome.kind() == ProfileOutcome.Kind.CHALLENGE_SENT) {
			redirect.addFlashAttribute("notice", "profile.key.sent");
		}
		else {
			redirect.addFlashAttribute("error", outcome.error());
		}
		return "redirect:/banca/perfil/clave/confirmar";
	}

	// ---- the security image -----------------------------------------------------------------------------------

	@GetMapping("/imagen")
	String image(@AuthenticationPrincipal SignedInCustomer customer, Model model) {
		ProfileView profile = this.profiles.view(customer.userId());
		Map<String, String> values = new HashMap<>();
		values.put("image", profile.securityImage());
		values.put("phrase", profile.securityPhrase().orElse(""));
		return imagePage(model, values, Map.of(), null);
	}

	@PostMapping("/imagen")
	String changeImage(@AuthenticationPrincipal SignedInCustomer customer, SecurityImageForm form,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		ProfileOutcome outcome = this.profiles.changeSecurityImage(customer.userId(), form, ClientContext.of(request));
		if (outcome.done()) {
			redirect.addFlashAttribute("notice", "profile.image.changed");
			return "redirect:/banca/perfil";
		}
		Map<String, String> values = new HashMap<>();
		values.put("image", safe(form.image()));
		values.put("phrase", safe(form.phrase()));
		return imagePage(model, values, outcome.fieldErrors(), outcome.error());
	}

	// ---- the challenge questions ------------------------------------------------------------------------------

	@GetMapping("/preguntas")
	String questions(@AuthenticationPrincipal SignedInCustomer customer, Model model) {
		List<String> current = this.profiles.view(customer.userId()).questionIds();
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < current.size() && i < ChallengeQuestions.REQUIRED_ANSWERS; i++) {
			values.put("question" + (i + 1), current.get(i));
		}
		return questionsPage(model, values, Map.of(), null);
	}

	@PostMapping("/preguntas")
	String changeQuestions(@AuthenticationPrincipal SignedInCustomer customer, ChallengeForm form,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		ProfileOutcome outcome = this.profiles.changeChallengeQuestions(customer.userId(), form, ClientContext.of(request));
		if (outcome.done()) {
			redirect.addFlashAttribute("notice", "profile.questions.changed");
			return "redirect:/banca/perfil";
		}
		// the questions chosen are shown again, never the answers
		Map<String, String> values = new HashMap<>();
		values.put("question1", safe(form.question1()));
		values.put("question2", safe(form.question2()));
		values.put("question3", safe(form.question3()));
		return questionsPage(model, values, outcome.fieldErrors(), outcome.error());
	}

	// ---- the phones -------------------------------------------------------------------------------------------

	@GetMapping("/telefonos")
	String phones(@AuthenticationPrincipal SignedInCustomer customer, Model model) {
		ProfileView profile = this.profiles.view(customer.userId());
		Map<String, String> values = new HashMap<>();
		values.put("homePhone", profile.homePhone().orElse(""));
		values.put("workPhone", profile.workPhone().orElse(""));
		return phonesPage(model, profile, values, Map.of(), null);
	}

	@PostMapping("/telefonos")
	String changePhones(@AuthenticationPrincipal SignedInCustomer customer, PhonesForm form,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		ProfileOutcome outcome = this.profiles.changePhones(customer.userId(), form, ClientContext.of(request));
		if (outcome.done()) {
			redirect.addFlashAttribute("notice", "profile.phones.changed");
			return "redirect:/banca/perfil";
		}
		Map<String, String> values = new HashMap<>();
		values.put("homePhone", safe(form.homePhone()));
		values.put("workPhone", safe(form.workPhone()));
		return phonesPage(model, this.profiles.view(customer.userId()), values, outcome.fieldErrors(),
				outcome.error());
	}

	// ---- pages ------------------------------------------------------------------------------------------------

	private String passwordPage(Model model, Map<String, String> errors, @Nullable String error) {
		model.addAttribute("minLength", this.passwordPolicy.minLength());
		model.addAttribute("maxLength", this.passwordPolicy.maxLength());
		return form(model, "banking/profile-password", Map.of(), errors, error);
	}

	private String keyPage(SignedInCustomer customer, SecondFactorChallenge challenge, Model model, Locale locale,
			Map<String, String> errors, @Nullable String error) {
		Instant now = this.clock.instant();
		model.addAttribute("maskedMobile", this.profiles.view(customer.userId()).maskedMobile());
		model.addAttribute("keyMinutes", this.keySettings.lifetime().toMinutes());
		model.addAttribute("keyLength", this.keySettings.length());
		Instant expiresAt = challenge.expiresAt();
		model.addAttribute("keyExpiresAtText",
				expiresAt == null || !expiresAt.isAfter(now) ? null : this.formats.dateTime(expiresAt, locale));
		Instant nextKeyAt = challenge.nextKeyAt();
		model.addAttribute("moreKeys", nextKeyAt != null);
		model.addAttribute("canResend", nextKeyAt != null && !now.isBefore(nextKeyAt));
		model.addAttribute("nextKeyAtText", nextKeyAt == null ? null : this.formats.dateTime(nextKeyAt, locale));
		return form(model, "banking/profile-password-key", Map.of(), errors, error);
	}

	private String imagePage(Model model, Map<String, String> values, Map<String, String> errors,
			@Nullable String error) {
		model.addAttribute("images", this.images.all());
		return form(model, "banking/profile-image", values, errors, error);
	}

	private String questionsPage(Model model, Map<String, String> values, Map<String, String> errors,
			@Nullable String error) {
		model.addAttribute("questions", this.questions.all());
		model.addAttribute("numbers", List.of(1, 2, 3));
		return form(model, "banking/profile-questions", values, errors, error);
	}

	private String phonesPage(Model model, ProfileView profile, Map<String, String> values,
			Map<String, String> errors, @Nullable String error) {
		model.addAttribute("profile", profile);
		return form(model, "banking/profile-phones", values, errors, error);
	}

	private static String form(Model model, String view, Map<String, String> values, Map<String, String> errors,
			@Nullable String error) {
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		if (error != null && !error.isEmpty()) {
			model.addAttribute("error", error);
		}
		return page(model, view);
	}

	private static String page(Model model, String view) {
		model.addAttribute("active", "profile");
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", Map.of());
		}
		return view;
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private static @Nullable PendingPasswordChange pending(HttpSession session) {
		return session.getAttribute(PendingPasswordChange.SESSION_ATTRIBUTE) instanceof PendingPasswordChange pending
				? pending : null;
	}

	private static String startAgain(HttpSession session, RedirectAttributes redirect) {
		session.removeAttribute(PendingPasswordChange.SESSION_ATTRIBUTE);
		redirect.addFlashAttribute("error", "profile.password.over");
		return "redirect:/banca/perfil/clave";
	}

	/** The account is locked: this session ends too, and the customer lands on the login page. */
	private String endSession(SignedInCustomer customer, HttpServletRequest request, HttpServletResponse response) {
		this.profiles.sessionEndedByLock(customer.userId(), ClientContext.of(request));
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
		return LOGIN_AFTER_LOCK;
	}


	private static String safe(@Nullable String value) {
		return value == null ? "" : value;
	}

}
