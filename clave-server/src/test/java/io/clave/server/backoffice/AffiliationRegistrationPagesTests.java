package io.clave.server.backoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import io.clave.server.corporate.CompanyUser;
import io.clave.server.corporate.CompanyUsers;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.Mailbox;
import io.clave.server.support.TestCompanies;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** "Registrar afiliación" as a bank operator uses it, and who may not. */
class AffiliationRegistrationPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Operators operators;

	@Autowired
	CompanyUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorRegistersACompanyAndItsAdministratorGetsTemporaryCredentials() {
		RequestPostProcessor operator = signedIn(OperatorRole.OPERATOR);
		String ruc = TestCompanies.newRuc();
		String email = TestPeople.newEmail().value();
		String mobile = TestPeople.newMobile().value();

		assertThat(this.mvc.get().uri("/backoffice/afiliaciones").with(operator)).bodyText()
			.contains("Registrar afiliación", "Razón social", "Celular (recibe la clave temporal por SMS)");
		MvcTestResult registered = this.mvc.post()
			.uri("/backoffice/afiliaciones")
			.with(operator)
			.with(csrf())
			.param("ruc", ruc)
			.param("legalName", "Ferretería Los Andes S.A.")
			.param("corporate", "on")
			.param("documentType", "CEDULA")
			.param("documentNumber", TestPeople.newCedula().value())
			.param("firstNames", "Jorge Luis")
			.param("lastNames", "Salazar Pinto")
			.param("email", email)
			.param("mobile", mobile)
			.exchange();
		String page = registered.getResponse().getRedirectedUrl();
		assertThat(page).startsWith("/backoffice/afiliaciones/").endsWith("?registrada=1");

		assertThat(this.mvc.get().uri(page).with(operator)).bodyText()
			.contains("Ferretería Los Andes S.A.", ruc, "Afiliación registrada", "Credenciales temporales hasta");
		await().atMost(Duration.ofSeconds(10)).until(() -> !Mailbox.textsTo(email).isEmpty()
				&& !SMS.receivedBy("+593" + mobile.substring(1)).isEmpty());

		// the same RUC again: refused, nothing new
		assertThat(this.mvc.post()
			.uri("/backoffice/afiliaciones")
			.with(operator)
			.with(csrf())
			.param("ruc", ruc)
			.param("legalName", "Otra S.A.")
			.param("merchant", "on")
			.param("documentType", "PASSPORT")
			.param("documentNumber", "AB123456")
			.param("firstNames", "Ana")
			.param("lastNames", "Ruiz")
			.param("email", email)
			.param("mobile", mobile)
			.exchange()).bodyText().contains("Esa empresa ya está afiliada.");

		// new temporary credentials for the administrator, who has not used them
		long companyId = Long.parseLong(page.replaceAll("\\D+(\\d+).*", "$1"));
		CompanyUser admin = this.users.list(companyId, null, 0, 10).users().get(0);
		assertThat(this.mvc.post()
			.uri(page.replace("?registrada=1", "") + "/usuarios/" + admin.id() + "/credenciales")
			.with(operator)
			.with(csrf())
			.exchange()).hasRedirectedUrl(page.replace("?registrada=1", ""));
		assertThat(this.users.findById(admin.id()).orElseThrow().username()).isNotEqualTo(admin.username());
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_events WHERE type = 'CORPORATE_CREDENTIALS_REISSUED' AND details->>'by' LIKE 'operator:%' AND subject = ?")
			.param("company-user:" + admin.id())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aFormWithMistakesShowsThemAndRegistersNothing() {
		long before = this.jdbc.sql("SELECT count(*) FROM companies").query(Long.class).single();

		assertThat(this.mvc.post()
			.uri("/backoffice/afiliaciones?lang=en")
			.with(signedIn(OperatorRole.OPERATOR))
			.with(csrf())
			.param("ruc", "1792060347001")
			.param("documentType", "CEDULA")
			.param("documentNumber", "1714307104")
			.exchange()).bodyText()
			.contains("Type a valid RUC: 13 digits.", "Choose at least one profile", "Type a valid cédula");
		assertThat(this.jdbc.sql("SELECT count(*) FROM companies").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyOperatorsWithTheOperatorRoleRegisterAffiliations() {
		assertThat(this.mvc.get().uri("/backoffice/afiliaciones").with(signedIn(OperatorRole.AUDITOR)))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/backoffice/afiliaciones")).hasStatus3xxRedirection()
			.redirectedUrl()
			.contains("/backoffice/ingreso");
	}

	private RequestPostProcessor signedIn(OperatorRole role) {
		OperatorCreation created = this.operators.create("ops." + UUID.randomUUID().toString().substring(0, 8),
				"Ana Operadora", EnumSet.of(role), ClientContext.SYSTEM);
		OperatorEnrolment enrolment = ((OperatorCreation.Created) created).enrolment();
		SignedInOperator operator = new SignedInOperator(enrolment.operatorId(), enrolment.username(),
				java.util.Set.of(role.name()), Instant.now());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(operator, null,
				operator.authorities().stream().map(SimpleGrantedAuthority::new).toList()));
	}

}
