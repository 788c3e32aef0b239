package io.clave.server.corporate.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corporate.CompanyRole;
import io.clave.server.corporate.CorporateLogins;
import io.clave.server.corporate.CorporatePortal;
import io.clave.server.corporate.CorporateSessions;
import io.clave.server.corporate.Profile;
import io.clave.server.corporate.SignedInCompanyUser;
import io.clave.server.shared.ClientContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in company user's portal as JSON (session in {@code X-Auth-Token}): who am I, the profile chosen, and
 * the landing data of that profile. Every answer is bounded by the session's company; the profile is checked on the
 * server against the user's and the company's profiles, whatever the request says.
 */
@RestController
@Tag(name = "Corporate portal", description = "The signed-in company user (ROLE_COMPANY_USER, session in "
		+ "X-Auth-Token): profile, the company's corporate cards (Perfil Corporativo), the merchant's sales and "
		+ "settlements (Perfil Establecimiento). 403 `corporate.portal.profile.required` when the session is on "
		+ "another profile.")
class PortalApi {

	private final CorporatePortal portal;

	private final CorporateSessions sessions;

	private final CorporateLogins logins;

	private final CorporateApiProblems problems;

	private final AuditTrail audit;

	PortalApi(CorporatePortal portal, CorporateSessions sessions, CorporateLogins logins,
			CorporateApiProblems problems, AuditTrail audit) {
		this.portal = portal;
		this.sessions = sessions;
		this.logins = logins;
		this.problems = problems;
		this.audit = audit;
	}

	record MeResponse(String userId, String firstNames, String lastNames, CompanyRole role, String companyName,
			String ruc, @Nullable Profile profile, List<Profile> profiles, Instant authenticatedAt,
			Instant endsAtTheLatest) {
	}

	record ProfileRequest(@Nullable String profile) {
	}

	record CardResponse(String lastFour, String holderName, BigDecimal creditLimit, BigDecimal balance,
			BigDecimal available, String currency, String state) {
	}

	record SaleResponse(Instant soldAt, String cardBrand, String cardLastFour, BigDecimal amount,
			String authorizationCode, String currency) {
	}

	record SettlementResponse(LocalDate settledOn, BigDecimal gross, BigDecimal commission, BigDecimal net,
			String state, String currency) {
	}

	@Operation(summary = "Who am I", description = "The user, the company, the profile chosen for this session (null "
			+ "until chosen) and the profiles the user may use.")
	@GetMapping("/api/v1/corporate/me")
	ResponseEntity<?> me(@AuthenticationPrincipal SignedInCompanyUser signedIn, HttpServletRequest request) {
		Optional<CorporatePortal.Me> me = this.portal.me(signedIn);
		if (me.isEmpty()) {
			return gone(request);
		}
		return ResponseEntity.ok(response(signedIn, me.get()));
	}

	@Operation(summary = "Choose or switch the profile", description = "Body `{\"profile\": \"CORPORATE\"}` or "
			+ "`MERCHANT`; 403 `corporate.portal.profile.not-allowed` for a profile outside the user's and the "
			+ "company's.")
	@PutMapping("/api/v1/corporate/me/profile")
	ResponseEntity<?> profile(@AuthenticationPrincipal SignedInCompanyUser signedIn, @RequestBody ProfileRequest body,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<Profile> asked = parse(body.profile());
		if (asked.isEmpty()) {
			return this.problems.badRequest("corporate.portal.profile.not-allowed", request);
		}
		Optional<SignedInCompanyUser> chosen = this.portal.choose(signedIn, asked.get(), ClientContext.of(request));
		if (chosen.isEmpty()) {
			return this.problems.forbidden("corporate.portal.profile.not-allowed", request);
		}
		this.sessions.replace(chosen.get(), request, response);
		return ResponseEntity.ok(response(chosen.get(), this.portal.me(chosen.get()).orElseThrow()));
	}

	@Operation(summary = "The company's corporate cards", description = "Perfil Corporativo only: last four digits, "
			+ "holder, limit, balance and available credit.")
	@GetMapping("/api/v1/corporate/me/cards")
	ResponseEntity<?> cards(@AuthenticationPrincipal SignedInCompanyUser signedIn, HttpServletRequest request) {
		return this.portal.cards(signedIn)
			.<ResponseEntity<?>>map(cards -> ResponseEntity.ok(cards.stream()
				.map(card -> new CardResponse(card.lastFour(), card.holderName(), card.creditLimit(), card.balance(),
						card.available(), card.currency(), card.state()))
				.toList()))
			.orElseGet(() -> this.problems.forbidden("corporate.portal.profile.required", request));
	}

	@Operation(summary = "The merchant's recent card sales", description = "Perfil Establecimiento only; newest first.")
	@GetMapping("/api/v1/corporate/me/sales")
	ResponseEntity<?> sales(@AuthenticationPrincipal SignedInCompanyUser signedIn, HttpServletRequest request) {
		return this.portal.sales(signedIn)
			.<ResponseEntity<?>>map(sales -> ResponseEntity.ok(sales.stream()
				.map(sale -> new SaleResponse(sale.soldAt(), sale.cardBrand(), sale.cardLastFour(), sale.amount(),
						sale.authorizationCode(), sale.currency()))
				.toList()))
			.orElseGet(() -> this.problems.forbidden("corporate.portal.profile.required", request));
	}

	@Operation(summary = "The merchant's recent settlements", description = "Perfil Establecimiento only; gross, "
			+ "commission, net and state (PAID, PENDING), newest first.")
	@GetMapping("/api/v1/corporate/me/settlements")
	ResponseEntity<?> settlements(@AuthenticationPrincipal SignedInCompanyUser signedIn, HttpServletRequest request) {
		return this.portal.settlements(signedIn)
			.<ResponseEntity<?>>map(settlements -> ResponseEntity.ok(settlements.stream()
				.map(s -> new SettlementResponse(s.settledOn(), s.gross(), s.commission(), s.net(), s.state(),
						s.currency()))
				.toList()))
			.orElseGet(() -> this.problems.forbidden("corporate.portal.profile.required", request));
	}

	@Operation(summary = "Log out", description = "Ends the session named by X-Auth-Token.")
	@DeleteMapping("/api/v1/corporate/me/session")
	ResponseEntity<Void> logout(@AuthenticationPrincipal SignedInCompanyUser signedIn, HttpServletRequest request) {
		this.audit.record(AuditEvent.success("CORPORATE_LOGOUT", "company-user:" + signedIn.userId(),
				ClientContext.of(request)));
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ResponseEntity.noContent().build();
	}

	private MeResponse response(SignedInCompanyUser signedIn, CorporatePortal.Me me) {
		return new MeResponse(signedIn.userId().toString(), me.user().firstNames(), me.user().lastNames(),
				me.user().role(), me.company().legalName(), me.company().ruc().value(), signedIn.profile(),
				me.profiles(), signedIn.authenticatedAt(),
				signedIn.authenticatedAt().plus(this.logins.absoluteSessionTimeout()));
	}

	/** The user was deleted or the company suspended since the login: the session ends. */
	private ResponseEntity<?> gone(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return this.problems.forbidden("corporate.portal.gone", request);
	}

	private static Optional<Profile> parse(@Nullable String profile) {
		if (profile == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Profile.valueOf(profile.strip().toUpperCase(java.util.Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
