package io.clave.server.corporate;

import java.util.ArrayList;
import java.util.List;

import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.clave.server.support.ApiSession.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The signed-in portal over the demo companies: each profile's landing, the administrator's menu entry, and the
 * server's own check of the profile whatever the session's principal claims.
 */
class PortalPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CompanyUsers users;

	@Autowired
	MovableClock clock;

	@Test
	void theCorporateLandingShowsTheCompanysCardsAndTheAdministratorsMenu() {
		MvcTestResult page = this.mvc.get().uri("/empresas/portal").with(as("andina.admin", Profile.CORPORATE)).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Importadora Andina S.A.", "Tarjetas corporativas", "**** **** **** 4410", "PATRICIA VASCONEZ",
					"$15,000.00", "$3,240.75", "$11,759.25", "**** **** **** 7782",
					"href=\"/empresas/portal/usuarios\"", "Administración de perfiles de usuario")
			.doesNotContain("Cambiar de perfil");

		// an additional user: no administration entry
		assertThat(this.mvc.get().uri("/empresas/portal").with(as("andina.compras", Profile.CORPORATE)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Tarjetas corporativas")
			.doesNotContain("/empresas/portal/usuarios");
	}

	@Test
	void theMerchantLandingShowsSalesAndSettlementsInBothLanguages() {
		assertThat(this.mvc.get().uri("/empresas/portal").with(as("ronda.admin", Profile.MERCHANT)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Restaurante La Ronda Cía. Ltda.", "Ventas recientes", "Liquidaciones", "Autorización",
					"Pendiente", "Pagada");
		assertThat(this.mvc.get().uri("/empresas/portal?lang=en").with(as("ronda.admin", Profile.MERCHANT)).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Recent sales", "Settlements", "Pending", "Paid");
	}

	@Test
	void aProfileOutsideTheUsersIsNeverShownWhateverThePrincipalSays() {
		// pacifico.venta is a MERCHANT user of a company with both profiles; a principal claiming CORPORATE gets none
		RequestPostProcessor forged = as("pacifico.venta", Profile.CORPORATE);
		assertThat(this.mvc.get().uri("/empresas/portal").with(forged).exchange())
			.hasRedirectedUrl("/empresas/portal/perfil");
		assertThat(this.mvc.get().uri("/api/v1/corporate/me/cards").with(forged).exchange().getResponse().getStatus())
			.isEqualTo(403);
		MvcTestResult refused = this.mvc.post()
			.uri("/empresas/portal/perfil")
			.param("profile", "CORPORATE")
			.with(as("pacifico.venta", Profile.MERCHANT))
			.with(csrf())
			.exchange();
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.post()
			.uri("/empresas/portal/perfil")
			.param("profile", "NINGUNO")
			.with(as("pacifico.admin", null))
			.with(csrf())
			.exchange()
			.getResponse()
			.getStatus()).isEqualTo(403);
		MvcTestResult me = this.mvc.get().uri("/api/v1/corporate/me").with(as("pacifico.venta", null)).exchange();
		assertThat(me).hasStatusOk();
		assertThat(json(me).get("profiles").toString()).contains("MERCHANT").doesNotContain("CORPORATE");
		MvcTestResult bad = this.mvc.put()
			.uri("/api/v1/corporate/me/profile")
			.with(as("pacifico.admin", null))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"profile\":\"OTRO\"}")
			.exchange();
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(bad).get("code").asString()).isEqualTo("corporate.portal.profile.not-allowed");
	}

	@Test
	void theCorporateApiIsDocumented() {
		MvcTestResult docs = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(docs).hasStatusOk();
		assertThat(json(docs).get("paths").propertyNames()).contains("/api/v1/corporate/logins",
				"/api/v1/corporate/logins/key", "/api/v1/corporate/logins/key/resend",
				"/api/v1/corporate/logins/credentials", "/api/v1/corporate/me", "/api/v1/corporate/me/profile",
				"/api/v1/corporate/me/cards", "/api/v1/corporate/me/sales", "/api/v1/corporate/me/settlements",
				"/api/v1/corporate/me/session");
	}

	/** A signed-in demo company user, as the login would leave the session (with the profile given). */
	private RequestPostProcessor as(String username, Profile profile) {
		CompanyUser user = this.users.findByUsername(username).orElseThrow();
		SignedInCompanyUser principal = new SignedInCompanyUser(user.id(), user.companyId(), user.role(), profile,
				this.clock.instant());
		List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_COMPANY_USER")));
		if (user.admin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_COMPANY_ADMIN"));
		}
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
	}

}
