package io.clave.server.corporate.web;

import java.util.Locale;
import java.util.Optional;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corporate.CorporatePortal;
import io.clave.server.corporate.CorporateSessions;
import io.clave.server.corporate.Profile;
import io.clave.server.corporate.SignedInCompanyUser;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.Formats;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in corporate portal: the choice of profile for a company with both ("El sistema determinará el perfil
 * de la empresa"), the landing of each profile, the switch between them, the keep-alive of the session timer and the
 * logout.
 */
@Controller
class PortalPages {

	private final CorporatePortal portal;

	private final CorporateSessions sessions;

	private final AuditTrail audit;

	private final Formats formats;

	PortalPages(CorporatePortal portal, CorporateSessions sessions, AuditTrail audit, Formats formats) {
		this.portal = portal;
		this.sessions = sessions;
		this.audit = audit;
		this.formats = formats;
	}

	/** Money, moments and cards as the signed-in pages write them. */
	@ModelAttribute("fmt")
	Formats formats() {
		return this.formats;
	}

	@GetMapping("/empresas/portal")
	String landing(@AuthenticationPrincipal SignedInCompanyUser signedIn, HttpServletRequest request, Model model) {
		Optional<CorporatePortal.Me> me = this.portal.me(signedIn);
		if (me.isEmpty()) {
			return endSession(request);
		}
		if (signedIn.profile() == null || !me.get().profiles().contains(signedIn.profile())) {
			return "redirect:/empresas/portal/perfil";
		}
		model.addAttribute("me", me.get());
		model.addAttribute("profile", signedIn.profile());
		if (signedIn.profile() == Profile.CORPORATE) {
			model.addAttribute("cards", this.portal.cards(signedIn).orElseThrow());
		}
		else {
			model.addAttribute("sales", this.portal.sales(signedIn).orElseThrow());
			model.addAttribute("settlements", this.portal.settlements(signedIn).orElseThrow());
		}
		return "corporate/portal";
	}

	@GetMapping("/empresas/portal/perfil")
	String chooseProfile(@AuthenticationPrincipal SignedInCompanyUser signedIn, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<CorporatePortal.Me> me = this.portal.me(signedIn);
		if (me.isEmpty()) {
			return endSession(request);
		}
		if (me.get().profiles().size() == 1) {
			// one profile: nothing to choose
			Profile only = me.get().profiles().get(0);
			if (signedIn.profile() != only) {
				this.portal.choose(signedIn, only, ClientContext.of(request))
					.ifPresent(chosen -> this.sessions.replace(chosen, request, response));
			}
			return "redirect:/empresas/portal";
		}
		model.addAttribute("me", me.get());
		model.addAttribute("profile", signedIn.profile());
		return "corporate/portal-profile";
	}

	@PostMapping("/empresas/portal/perfil")
	String submitProfile(@RequestParam(name = "profile", required = false) @Nullable String profile,
			@AuthenticationPrincipal SignedInCompanyUser signedIn, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<Profile> asked = parse(profile);
		Optional<SignedInCompanyUser> chosen = asked
			.flatMap(p -> this.portal.choose(signedIn, p, ClientContext.of(request)));
		if (chosen.isEmpty()) {
			// whatever the form said: the session keeps its profile
			Optional<CorporatePortal.Me> me = this.portal.me(signedIn);
			if (me.isEmpty()) {
				return endSession(request);
			}
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("me", me.get());
			model.addAttribute("profile", signedIn.profile());
			model.addAttribute("error", "corporate.portal.profile.not-allowed");
			return "corporate/portal-profile";
		}
		this.sessions.replace(chosen.get(), request, response);
		return "redirect:/empresas/portal";
	}

	/** "Seguir conectado": any signed-in request renews the idle timeout; this one does only that. */
	@PostMapping("/empresas/portal/sesion")
	ResponseEntity<Void> keepAlive() {
		return ResponseEntity.noContent().build();
	}

	/** "Salir": ends the session, whatever kind it is, and shows the corporate login page. */
	@PostMapping("/empresas/salir")
	String logout(@AuthenticationPrincipal @Nullable SignedInCompanyUser signedIn, HttpServletRequest request) {
		if (signedIn != null) {
			this.audit.record(AuditEvent.success("CORPORATE_LOGOUT", "company-user:" + signedIn.userId(),
					ClientContext.of(request)));
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/empresas/ingreso?salida";
	}

	private static String endSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/empresas/ingreso?sesion=expirada";
	}

	static Optional<Profile> parse(@Nullable String profile) {
		if (profile == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Profile.valueOf(profile.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
