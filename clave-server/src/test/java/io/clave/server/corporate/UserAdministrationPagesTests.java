package io.clave.server.corporate;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.server.shared.EmailAddress;
import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * "Administración de perfiles de usuario" in the browser's words: the list with "Agregar Usuario", the form,
 * "Guardar", the confirmation, "Aceptar", the credentials sent; the pencil, with the identity document that cannot
 * change; the cross and its confirmation dialog.
 */
class UserAdministrationPagesTests extends UserAdministrationSupport {

	private static final String PAGES = "/empresas/portal/usuarios";

	private static final Pattern CHANGE = Pattern.compile("/empresas/portal/usuarios/cambios/([0-9a-f-]{36})");

	@Autowired
	MockMvcTester mvc;

	@Test
	void anAdministratorAddsAUserFromTheList() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		RequestPostProcessor admin = as(adminOf(company));
		String email = TestPeople.newEmail().value();
		String document = TestPeople.newCedula().value();

		assertThat(text(get(admin, PAGES))).contains("Administración de perfiles de usuario", "Agregar Usuario",
				"Rosa Elvira Quishpe Tandazo", "Administrador");
		assertThat(text(get(admin, PAGES + "/nuevo"))).contains("Documento de Identidad", "Guardar",
				"name=\"documentNumber\"");
		MvcTestResult mistaken = post(admin, PAGES + "/nuevo", "documentType", "CEDULA", "documentNumber", "123",
				"firstNames", "Lucía", "lastNames", "", "email", email, "mobile", "0991", "corporate", "true");
		assertThat(mistaken).hasStatusOk();
		assertThat(text(mistaken)).contains("Revisa los campos marcados", "Escriba una cédula válida", "value=\"Lucía\"");

		int before = smsCount(company.mobile());
		MvcTestResult saved = post(admin, PAGES + "/nuevo", "documentType", "CEDULA", "documentNumber", document,
				"firstNames", "Lucía", "lastNames", "Paredes", "email", email, "mobile",
				TestPeople.newMobile().value(), "corporate", "true", "role", "USER");
		String change = changeOf(saved);
		MvcTestResult confirmation = get(admin, PAGES + "/cambios/" + change);
		assertThat(text(confirmation)).contains("¿Confirma la creación del usuario Lucía Paredes", "Aceptar",
				"Clave temporal", document);
		String key = keyAfter(company.mobile(), before);
		MvcTestResult wrong = post(admin, PAGES + "/cambios/" + change, "key", "000000".equals(key) ? "111111" : "000000");
		assertThat(text(wrong)).contains("La clave temporal no es correcta", "Le quedan");
		assertThat(post(admin, PAGES + "/cambios/" + change, "key", key))
			.hasRedirectedUrl(PAGES + "/cambios/" + change);
		assertThat(text(get(admin, PAGES + "/cambios/" + change))).contains("Se generaron las credenciales temporales",
				"Volver al listado de usuarios");
		awaitMail(new EmailAddress(email), "Usuario temporal");
		assertThat(text(get(admin, PAGES))).contains("Lucía Paredes", document);
		assertThat(text(get(admin, PAGES + "?buscar=Paredes"))).contains("Lucía Paredes")
			.doesNotContain("Rosa Elvira");
	}

	@Test
	void thePencilEditsEverythingButTheIdentityDocument() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		RequestPostProcessor admin = as(adminOf(company));
		CompanyUser user = addUser(company, newUserForm("Lucía", true, false));
		String list = text(get(admin, PAGES));
		assertThat(list).contains("aria-label=\"Editar a Lucía Tandazo Quishpe\"",
				"aria-label=\"Eliminar a Lucía Tandazo Quishpe\"");

		String form = text(get(admin, PAGES + "/" + user.id() + "/editar"));
		assertThat(form).contains("El documento de identidad no se puede cambiar", user.document().number())
			.doesNotContain("name=\"documentNumber\"")
			.contains("value=\"" + user.email().value() + "\"");
		String rows = rowsOf(company.companyId());
		MvcTestResult tampered = post(admin, PAGES + "/" + user.id() + "/editar", "documentType", "CEDULA",
				"documentNumber", TestPeople.newCedula().value(), "firstNames", "Otra", "lastNames", user.lastNames(),
				"email", user.email().value(), "mobile", user.mobile().value(), "corporate", "true", "role", "USER");
		assertThat(text(tampered)).contains("El documento de identidad no se puede cambiar. No se guardó ningún cambio.");
		assertThat(rowsOf(company.companyId())).isEqualTo(rows);

		String change = changeOf(post(admin, PAGES + "/" + user.id() + "/editar", "firstNames", "Lucía Inés",
				"lastNames", user.lastNames(), "email", user.email().value(), "mobile", user.mobile().value(),
				"corporate", "true", "role", "USER"));
		String confirmation = text(get(admin, PAGES + "/cambios/" + change));
		assertThat(confirmation).contains("¿Confirma los cambios realizados a los datos de Lucía Tandazo Quishpe?",
				"Cambios realizados", "Nombres").doesNotContain("name=\"key\"");
		assertThat(post(admin, PAGES + "/cambios/" + change)).hasRedirectedUrl(PAGES);
		assertThat(this.users.findById(user.id()).orElseThrow().firstNames()).isEqualTo("Lucía Inés");

		String mail = changeOf(post(admin, PAGES + "/" + user.id() + "/editar", "firstNames", "Lucía Inés",
				"lastNames", user.lastNames(), "email", TestPeople.newEmail().value(), "mobile", user.mobile().value(),
				"corporate", "true", "role", "USER"));
		assertThat(text(get(admin, PAGES + "/cambios/" + mail))).contains("name=\"key\"", "Correo electrónico");
	}

	@Test
	void theCrossAsksForConfirmationAndDeletes() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		RequestPostProcessor admin = as(adminOf(company));
		CompanyUser user = fileUser(company.companyId(), CompanyRole.USER, "Mateo", "Borrable");
		String session = saveSession(this.sessions, user.id());

		assertThat(text(get(admin, PAGES + "/" + user.id() + "/eliminar")))
			.contains("¿Confirma la eliminación del usuario Mateo Borrable?", "Eliminar", "Cancelar");
		assertThat(text(get(admin, PAGES + "/" + company.administratorId() + "/eliminar")))
			.contains("No puede eliminar su propio usuario").doesNotContain("id=\"delete-form\"");
		assertThat(post(admin, PAGES + "/" + user.id() + "/eliminar")).hasRedirectedUrl(PAGES);

		assertThat(this.users.findById(user.id()).orElseThrow().deleted()).isTrue();
		assertThat(this.sessions.findById(session)).isNull();
		assertThat(text(get(admin, PAGES))).doesNotContain("Mateo Borrable");
		assertThat(this.mvc.post().uri(PAGES + "/" + company.administratorId() + "/eliminar").with(admin).exchange())
			.as("without the CSRF token").hasRedirectedUrl("/empresas/ingreso?sesion=expirada");
	}

	@Test
	void anotherCompanysIdsLeadBackToTheListAndChangeNothing() {
		Affiliated mine = this.companies.affiliate(ProfileSet.CORPORATE);
		Affiliated theirs = this.companies.affiliate(ProfileSet.CORPORATE);
		RequestPostProcessor admin = as(adminOf(mine));
		CompanyUser their = fileUser(theirs.companyId(), CompanyRole.USER, "Ajeno", "Intocable");
		String rows = rowsOf(theirs.companyId());

		assertThat(get(admin, PAGES + "/" + their.id() + "/editar")).hasRedirectedUrl(PAGES);
		assertThat(get(admin, PAGES + "/" + their.id() + "/eliminar")).hasRedirectedUrl(PAGES);
		assertThat(post(admin, PAGES + "/" + their.id() + "/eliminar")).hasRedirectedUrl(PAGES);
		assertThat(post(admin, PAGES + "/" + their.id() + "/editar", "firstNames", "X", "lastNames", "Y", "email",
				"x@example.com", "mobile", "0991234567", "corporate", "true")).hasRedirectedUrl(PAGES);
		assertThat(get(admin, PAGES + "/no-es-un-id/editar")).hasRedirectedUrl(PAGES);
		assertThat(get(admin, PAGES + "?pagina=abc&buscar=" + "x".repeat(300))).hasStatusOk();
		assertThat(text(get(admin, PAGES))).doesNotContain("Ajeno Intocable");
		assertThat(rowsOf(theirs.companyId())).isEqualTo(rows);
	}

	@Test
	void aUserWhoIsNotAnAdministratorIsForbidden() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		CompanyUser plain = fileUser(company.companyId(), CompanyRole.USER, "Común", "Usuario");
		RequestPostProcessor user = asPlainUser(signedIn(plain));

		assertThat(get(user, PAGES)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get(user, PAGES + "/nuevo")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(user, PAGES + "/" + company.administratorId() + "/eliminar")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.users.findById(company.administratorId()).orElseThrow().deleted()).isFalse();
		assertThat(this.mvc.get().uri(PAGES).exchange()).as("nobody signed in")
			.hasRedirectedUrl("/empresas/ingreso");
	}

	@Test
	void thePagesSpeakEnglishToo() {
		Affiliated company = this.companies.affiliate(ProfileSet.BOTH);
		RequestPostProcessor admin = as(adminOf(company));

		assertThat(text(get(admin, PAGES + "?lang=en"))).contains("User profile administration", "Add user")
			.doesNotContain("??");
		assertThat(text(get(admin, PAGES + "/nuevo?lang=en"))).contains("Identity document", "Save", "Merchant")
			.doesNotContain("??");
	}

	private MvcTestResult get(RequestPostProcessor who, String uri) {
		return this.mvc.get().uri(uri).with(who).exchange();
	}

	private MvcTestResult post(RequestPostProcessor who, String uri, String... params) {
		var request = this.mvc.post().uri(uri).with(who).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	private static String changeOf(MvcTestResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as(text(result)).isNotNull();
		Matcher matcher = CHANGE.matcher(location);
		assertThat(matcher.matches()).as(location).isTrue();
		return matcher.group(1);
	}

	private static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
