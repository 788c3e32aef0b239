package io.clave.server.backoffice.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.clave.server.backoffice.BackofficeSettings;
import io.clave.server.backoffice.OperatorLogins;
import io.clave.server.backoffice.OperatorRole;
import io.clave.server.backoffice.OperatorView;
import io.clave.server.backoffice.Operators;
import io.clave.server.backoffice.SignedInOperator;
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
 * The back office's login (username and password, then the authenticator app's code, then at the first login a new
 * password) and its home. Every refusal shows the same message, whatever was wrong, and whether or not the account
 * is locked. Sign-out is Spring Security's ({@code POST /backoffice/salir}).
 */
@Controller
@RequestMapping("/backoffice")
class BackofficePages {

	private static final String REFUSED = "backoffice.login.refused";

	private final OperatorLogins logins;

	private final Operators operators;

	private final OperatorSessions sessions;

	private final BackofficeSettings settings;

	private final Clock clock;

	BackofficePages(OperatorLogins logins, Operators operators, OperatorSessions sessions, BackofficeSettings settings,
			Clock clock) {
		this.logins = logins;
		this.operators = operators;
		this.sessions = sessions;
		this.settings = settings;
		this.clock = clock;
	}

	// ---- username and password ----------------------------------------------------------------------------------

	@GetMapping("/ingreso")
	String login(@RequestParam(name = "salida", required = false) @Nullable String loggedOut,
			@AuthenticationPrincipal @Nullable SignedInOperator signedIn, Model model) {
		if (signedIn != null) {
			return "redirect:/backoffice";
		}
		if (loggedOut != null && !model.containsAttribute("notice")) {
			model.addAttribute("notice", "backoffice.login.logged-out");
		}
		return "backoffice/login";
	}

	@PostMapping("/ingreso")
	String submitPassword(@RequestParam(name = "username", required = false) @Nullable String username,
			@RequestParam(name = "password", required = false) @Nullable String password, HttpServletRequest request,
			Model model) {
		OperatorLogins.PasswordCheck check = this.logins.checkPassword(username, password, ClientContext.of(request));
		if (!check.accepted() || check.operatorId() == null) {
			model.addAttribute("error", REFUSED);
			model.addAttribute("username", username == null ? "" : username);
			return "backoffice/login";
		}
		HttpSession session = request.getSession(true);
		request.changeSessionId();
		session.setAttribute(PendingSignIn.ATTRIBUTE, pending(check.operatorId(), PendingSignIn.Stage.CODE));
		return "redirect:/backoffice/ingreso/codigo";
	}

	@PostMapping("/ingreso/cancelar")
	String cancel(HttpSession session) {
		session.removeAttribute(PendingSignIn.ATTRIBUTE);
		return "redirect:/backoffice/ingreso";
	}

	// ---- the authenticator app's code ---------------------------------------------------------------------------

	@GetMapping("/ingreso/codigo")
	String code(HttpSession session, RedirectAttributes redirect) {
		Optional<PendingSignIn> pending = pending(session, PendingSignIn.Stage.CODE);
		if (pending.isEmpty()) {
			return restart(session, redirect);
		}
		return "backoffice/code";
	}

	@PostMapping("/ingreso/codigo")
	String submitCode(@RequestParam(name = "code", required = false) @Nullable String code, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Optional<PendingSignIn> pending = pending(session, PendingSignIn.Stage.CODE);
		if (pending.isEmpty()) {
			return restart(session, redirect);
		}
		OperatorLogins.CodeCheck check = this.logins.checkCode(pending.get().operatorId(), code,
				ClientContext.of(request));
		if (!check.accepted()) {
			model.addAttribute("error", REFUSED);
			return "backoffice/code";
		}
		if (check.mustChangePassword() || check.operator() == null) {
			session.setAttribute(PendingSignIn.ATTRIBUTE,
					pending(pending.get().operatorId(), PendingSignIn.Stage.NEW_PASSWORD));
			return "redirect:/backoffice/ingreso/nueva-clave";
		}
		this.sessions.open(check.operator(), request, response);
		return "redirect:/backoffice";
	}

	// ---- the first login's new password -------------------------------------------------------------------------

	@GetMapping("/ingreso/nueva-clave")
	String newPassword(HttpSession session, Model model, RedirectAttributes redirect) {
		if (pending(session, PendingSignIn.Stage.NEW_PASSWORD).isEmpty()) {
			return restart(session, redirect);
		}
		model.addAttribute("minLength", this.settings.passwordMinLength());
		model.addAttribute("maxLength", this.settings.passwordMaxLength());
		return "backoffice/new-password";
	}

	@PostMapping("/ingreso/nueva-clave")
	String submitNewPassword(@RequestParam(name = "password", required = false) @Nullable String password,
			@RequestParam(name = "confirmation", required = false) @Nullable String confirmation, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Optional<PendingSignIn> pending = pending(session, PendingSignIn.Stage.NEW_PASSWORD);
		if (pending.isEmpty()) {
			return restart(session, redirect);
		}
		ClientContext client = ClientContext.of(request);
		Optional<String> broken = this.logins.changePassword(pending.get().operatorId(), password, confirmation, client);
		if (broken.isPresent()) {
			model.addAttribute("error", broken.get());
			return newPassword(session, model, redirect);
		}
		Optional<SignedInOperator> operator = this.logins.signIn(pending.get().operatorId(), client);
		if (operator.isEmpty()) {
			return restart(session, redirect);
		}
		this.sessions.open(operator.get(), request, response);
		redirect.addFlashAttribute("notice", "backoffice.password.changed");
		return "redirect:/backoffice";
	}

	// ---- the console --------------------------------------------------------------------------------------------

	@GetMapping
	String home(@AuthenticationPrincipal SignedInOperator operator, Model model) {
		OperatorView view = this.operators.find(operator.operatorId()).orElseThrow();
		model.addAttribute("operator", view);
		List<OperatorRole> roles = List.of(OperatorRole.values()).stream().filter(view.roles()::contains).toList();
		model.addAttribute("roles", roles);
		model.addAttribute("roleNames", roles.stream().map(Enum::name).toList());
		model.addAttribute("active", "home");
		return "backoffice/home";
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private PendingSignIn pending(java.util.UUID operatorId, PendingSignIn.Stage stage) {
		return new PendingSignIn(operatorId, stage, this.clock.instant().plus(this.settings.signInLifetime()));
	}

	private Optional<PendingSignIn> pending(HttpSession session, PendingSignIn.Stage stage) {
		return session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn pending
				&& pending.stage() == stage && pending.expiresAt().isAfter(this.clock.instant()) ? Optional.of(pending)
						: Optional.empty();
	}

	private static String restart(HttpSession session, RedirectAttributes redirect) {
		if (session.getAttribute(PendingSignIn.ATTRIBUTE) != null) {
			redirect.addFlashAttribute("notice", "backoffice.login.over");
		}
		session.removeAttribute(PendingSignIn.ATTRIBUTE);
		return "redirect:/backoffice/ingreso";
	}

}
