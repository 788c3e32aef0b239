package io.clave.server.banking.web;

import io.clave.server.shared.ClientContext;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.identity.ChallengeAnswers;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.SecurityImages;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.softtoken.ActivationStarted;
import io.clave.server.softtoken.SoftTokens;
import io.clave.server.softtoken.StandardActivation;
import io.clave.server.softtoken.TokenApp;
import io.clave.server.softtoken.TokenCheck;
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
 * "Servicios Bancarios › Segundo Factor Seguridad › Activación Token Digital", in the seed's order: one challenge
 * question, the security image with the steps and the terms, then the QR code with its text while the activation code
 * goes by SMS, and the app's first code to finish. The QR's text holds the binding key, so it is shown once, in the
 * answer that starts the activation, and never kept in the session.
 * <p>
 * With {@code clave.softtoken.app=STANDARD_AUTHENTICATOR} the same pages lead, after the terms, to a clave temporal by
 * SMS (the standard QR carries the secret itself, so the registered mobile is proven first), then to an
 * {@code otpauth://totp/} QR with the secret in blocks of four under it, and the app's first code. The secret is shown
 * in that one answer and kept nowhere but sealed in the database: the session holds only the pending token's id. A
 * reload does not show it again; the page offers to start over (a new clave temporal, a new secret; the earlier pending
 * token is revoked). That is the safer choice: whoever gets hold of the session cookie, or a browser's history, before
 * the first code is confirmed cannot fetch the secret, and the customer loses only a minute.
 */
@Controller
@RequestMapping("/banca/servicios/segundo-factor/activacion")
class TokenActivationPages {

	static final String QUESTION = "clave.token-activation.question";

	static final String WRONG_ANSWERS = "clave.token-activation.wrong-answers";

	static final String ANSWERED = "clave.token-activation.answered";

	static final int MAX_WRONG_ANSWERS = 3;

	/** Standard mode: the id of this activation's clave temporal flow (not a secret). */
	static final String KEY_ATTEMPT = "clave.token-activation.key-attempt";

	/** Standard mode: the pending token whose QR was shown (its id only, never its secret). */
	static final String PENDING_TOKEN = "clave.token-activation.pending-token";

	private static final String BASE = "/banca/servicios/segundo-factor/activacion";

	private final SoftTokens tokens;

	private final ChallengeAnswers answers;

	private final ChallengeQuestions questions;

	private final Users users;

	private final SecurityImages images;

	private final AuditTrail audit;

	private final SecureRandom random;

	TokenActivationPages(SoftTokens tokens, ChallengeAnswers answers, ChallengeQuestions questions, Users users,
			SecurityImages images, AuditTrail audit, SecureRandom random) {
		this.tokens = tokens;
		this.answers = answers;
		this.questions = questions;
		this.users = users;
		this.images = images;
		this.audit = audit;
		this.random = random;
	}

	@GetMapping
	String question(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "reiniciar", required = false) @Nullable String restart, HttpSession session,
			Locale locale, Model model) {
		if (restart != null) {
			session.removeAttribute(PENDING_TOKEN);
		}
		if (Boolean.TRUE.equals(session.getAttribute(ANSWERED))) {
			if (session.getAttribute(PENDING_TOKEN) != null) {
				model.addAttribute("notice", "token.activation.standard.shown-once");
				return standardPage(null, model);
			}
			return image(customer, model);
		}
		String questionId = (String) session.getAttribute(QUESTION);
		if (questionId == null) {
			List<String> ids = this.answers.questionsOf(customer.userId());
			questionId = ids.get(this.random.nextInt(ids.size()));
			session.setAttribute(QUESTION, questionId);
		}
		model.addAttribute("question", this.questions.find(questionId).map(q -> q.text(locale)).orElse(questionId));
		model.addAttribute("active", "second-factor");
		return "banking/token-question";
	}

	@PostMapping("/pregunta")
	String answer(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "answer", required = false) @Nullable String answer, HttpSession session,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		String questionId = (String) session.getAttribute(QUESTION);
		if (questionId == null) {
			return "redirect:/banca/servicios/segundo-factor/activacion";
		}
		String typed = answer == null ? "" : answer;
		if (!typed.isBlank() && typed.length() <= ChallengeQuestions.MAX_ANSWER_LENGTH
				&& this.answers.matches(customer.userId(), questionId, typed)) {
			session.setAttribute(ANSWERED, true);
			session.removeAttribute(WRONG_ANSWERS);
			this.audit.record(AuditEvent.success("TOKEN_ACTIVATION_QUESTION", "user:" + customer.userId(),
					ClientContext.of(request)));
			return "redirect:/banca/servicios/segundo-factor/activacion";
		}
		int wrong = (session.getAttribute(WRONG_ANSWERS) instanceof Integer count ? count : 0) + 1;
		this.audit.record(AuditEvent.failure("TOKEN_ACTIVATION_QUESTION", "user:" + customer.userId(),
				ClientContext.of(request), "wrong-answer"));
		if (wrong >= MAX_WRONG_ANSWERS) {
			session.removeAttribute(QUESTION);
			session.removeAttribute(WRONG_ANSWERS);
			redirect.addFlashAttribute("error", "token.activation.question.too-many");
			return "redirect:/banca/servicios/segundo-factor";
		}
		session.setAttribute(WRONG_ANSWERS, wrong);
		model.addAttribute("error", "token.activation.question.wrong");
		return question(customer, null, session, locale, model);
	}

	private String image(SignedInCustomer customer, Model model) {
		User user = this.users.findById(customer.userId()).orElseThrow();
		model.addAttribute("image", this.images.find(user.securityImage()).orElse(this.images.all().get(0)));
		model.addAttribute("phrase", user.securityPhrase() == null ? "" : user.securityPhrase());
		model.addAttribute("standard", standardMode());
		model.addAttribute("active", "second-factor");
		return "banking/token-image";
	}

	@PostMapping("/codigo-qr")
	String start(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "acceptTerms", required = false) @Nullable String acceptTerms, HttpSession session,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		if (!Boolean.TRUE.equals(session.getAttribute(ANSWERED))) {
			return "redirect:/banca/servicios/segundo-factor/activacion";
		}
		if (acceptTerms == null) {
			model.addAttribute("error", "token.activation.terms.required");
			return image(customer, model);
		}
		if (standardMode()) {
			return sendStandardKey(customer, session, request, locale, redirect);
		}
		String server = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
				+ request.getContextPath();
		ActivationStarted started = this.tokens.startActivation(customer.userId(), server, ClientContext.of(request),
				locale);
		model.addAttribute("qr", QrCodes.svgDataUri(started.activationText()));
		model.addAttribute("activationText", started.activationText());
		model.addAttribute("active", "second-factor");
		return "banking/token-qr";
	}

	@PostMapping("/confirmar")
	String confirm(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "code", required = false) @Nullable String code, HttpSession session,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		String typed = code == null ? "" : code.strip();
		TokenCheck check = typed.matches("\\d{6}") ? this.tokens.confirm(customer.userId(), typed,
				ClientContext.of(request), locale) : TokenCheck.WRONG;
		if (check == TokenCheck.ACCEPTED) {
			session.removeAttribute(QUESTION);
			session.removeAttribute(ANSWERED);
			session.removeAttribute(KEY_ATTEMPT);
			session.removeAttribute(PENDING_TOKEN);
			redirect.addFlashAttribute("notice", "token.activation.done");
			return "redirect:/banca/servicios/segundo-factor";
		}
		if (check == TokenCheck.NO_TOKEN) {
			redirect.addFlashAttribute("error", "token.activation.no-pending");
			return "redirect:/banca/servicios/segundo-factor";
		}
		model.addAttribute("error", "token.activation.first-code.wrong");
		if (session.getAttribute(PENDING_TOKEN) != null) {
			return standardPage(null, model);
		}
		model.addAttribute("active", "second-factor");
		return "banking/token-qr";
	}

	// ---- standard authenticator app ---------------------------------------------------------------------------

	private boolean standardMode() {
		return this.tokens.appForNewTokens() == TokenApp.STANDARD_AUTHENTICATOR;
	}

	private String sendStandardKey(SignedInCustomer customer, HttpSession session, HttpServletRequest request,
			Locale locale, RedirectAttributes redirect) {
		UUID attempt = session.getAttribute(KEY_ATTEMPT) instanceof UUID known ? known : UUID.randomUUID();
		session.setAttribute(KEY_ATTEMPT, attempt);
		StandardActivation sent = this.tokens.sendStandardActivationKey(customer.userId(), attempt, locale,
				ClientContext.of(request));
		if (sent.kind() == StandardActivation.Kind.KEY_SENT) {
			if (sent.messageKey() != null) {
				redirect.addFlashAttribute("notice", sent.messageKey());
			}
			return "redirect:" + BASE + "/clave-temporal";
		}
		// out of keys for this attempt: the attempt stays in the session, so asking again meets the same limit
		redirect.addFlashAttribute("error", sent.messageKey());
		return "redirect:/banca/servicios/segundo-factor";
	}

	@GetMapping("/clave-temporal")
	String keyStep(HttpSession session, Model model) {
		if (!Boolean.TRUE.equals(session.getAttribute(ANSWERED)) || session.getAttribute(KEY_ATTEMPT) == null
				|| !standardMode()) {
			return "redirect:" + BASE;
		}
		model.addAttribute("active", "second-factor");
		return "banking/token-standard-key";
	}

	@PostMapping("/clave-temporal")
	String submitKey(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "key", required = false) @Nullable String key, HttpSession session,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (!Boolean.TRUE.equals(session.getAttribute(ANSWERED))
				|| !(session.getAttribute(KEY_ATTEMPT) instanceof UUID attempt) || !standardMode()) {
			return "redirect:" + BASE;
		}
		StandardActivation outcome = this.tokens.createStandardToken(customer.userId(), attempt,
				key == null ? "" : key, ClientContext.of(request));
		switch (outcome.kind()) {
			case CREATED -> {
				session.removeAttribute(KEY_ATTEMPT);
				session.setAttribute(PENDING_TOKEN, outcome.tokenId());
				return standardPage(outcome, model);
			}
			case OVER -> {
				session.removeAttribute(KEY_ATTEMPT);
				if ("token.activation.standard.key.over".equals(outcome.messageKey())) {
					session.removeAttribute(ANSWERED);
					session.removeAttribute(QUESTION);
					redirect.addFlashAttribute("error", outcome.messageKey());
					return "redirect:/banca/servicios/segundo-factor";
				}
				redirect.addFlashAttribute("error", outcome.messageKey());
				return "redirect:" + BASE;
			}
			default -> {
				model.addAttribute("error", outcome.messageKey());
				model.addAttribute("active", "second-factor");
				return "banking/token-standard-key";
			}
		}
	}

	/** The QR and the secret when {@code created} is given (that one answer), else only the first-code form. */
	private String standardPage(@Nullable StandardActivation created, Model model) {
		if (created != null && created.keyUri() != null) {
			model.addAttribute("qr", QrCodes.svgDataUri(created.keyUri()));
			model.addAttribute("secret", created.groupedSecret());
		}
		model.addAttribute("active", "second-factor");
		return "banking/token-standard";
	}

}
