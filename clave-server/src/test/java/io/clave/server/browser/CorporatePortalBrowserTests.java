package io.clave.server.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.otp.Base32;
import io.clave.otp.Totp;
import io.clave.server.backoffice.OperatorCreation;
import io.clave.server.backoffice.OperatorEnrolment;
import io.clave.server.backoffice.OperatorRole;
import io.clave.server.backoffice.Operators;
import io.clave.server.corporate.Companies;
import io.clave.server.corporate.CompanyUser;
import io.clave.server.corporate.CompanyUsers;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.Ruc;
import io.clave.server.support.Mailbox;
import io.clave.server.support.TestCompanies;
import io.clave.server.support.TestPeople;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5's story in a real browser, on the demo data, a screenshot of every page: the affiliation form downloaded;
 * an operator registers the company; its administrator receives the temporary credentials (username by e-mail,
 * password by SMS), logs in, creates the definitive credentials, logs in again with the clave temporal, chooses a
 * profile, adds a user, edits it (and fails to change its identity document), deletes it; then recovers a forgotten
 * password with the RUC and the identity number.
 */
class CorporatePortalBrowserTests extends BrowserTest {

	private static final Pattern TEMPORARY_USERNAME = Pattern.compile("\\bE[A-Z0-9]{9}\\b");

	private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("empresas es ([A-Za-z0-9]{12})");

	@Autowired
	Operators operators;

	@Autowired
	Companies companies;

	@Autowired
	CompanyUsers users;

	@Autowired
	org.springframework.security.crypto.password.PasswordEncoder encoder;

	@Test
	void affiliationFirstLoginProfilesUserManagementAndRecovery() throws Exception {
		// the demo data is there: the three demo companies
		assertThat(this.companies.findByRuc(new Ruc("1790011674001"))).isPresent();

		// "Cree usuario y clave" and "Descargar Documento"
		open("/empresas");
		screenshot("corporate-home");
		click(By.linkText("Cree usuario y clave"));
		waitForPath("/empresas/registro");
		screenshot("corporate-affiliation-steps");
		String pdfLink = browser().findElement(By.partialLinkText("Descargar Documento")).getDomAttribute("href");
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(pdfLink))).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
		try (PDDocument form = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(form)).contains("RUC", "Administrador");
		}

		// an operator signs in to the back office (password, authenticator code, a new password) and registers it
		OperatorEnrolment ana = ((OperatorCreation.Created) this.operators.create(
				"ops." + UUID.randomUUID().toString().substring(0, 6), "Ana Operadora", EnumSet.of(OperatorRole.OPERATOR),
				ClientContext.SYSTEM)).enrolment();
		open("/backoffice/ingreso");
		type(By.id("username"), ana.username());
		type(By.id("password"), ana.initialPassword());
		screenshot("backoffice-login");
		click(By.id("continue"));
		type(By.id("code"), Totp.defaults().generate(Base32.decode(ana.key().secret()), Instant.now()));
		screenshot("backoffice-code");
		click(By.id("sign-in"));
		type(By.id("password"), "Consola-del-banco-2026");
		type(By.id("confirmation"), "Consola-del-banco-2026");
		screenshot("backoffice-new-password");
		click(By.id("save"));
		waitForPath("/backoffice");
		click(By.id("menu-affiliation"));
		String ruc = TestCompanies.newRuc();
		String cedula = TestPeople.newCedula().value();
		String mobile = TestPeople.newMobile().value();
		String email = TestPeople.newEmail().value();
		type(By.id("ruc"), ruc);
		type(By.id("legalName"), "Distribuidora Sierra Norte S.A.");
		click(By.id("corporate"));
		click(By.id("merchant"));
		type(By.id("documentNumber"), cedula);
		type(By.id("firstNames"), "Rosa Elvira");
		type(By.id("lastNames"), "Quishpe Tandazo");
		type(By.id("email"), email);
		type(By.id("mobile"), mobile);
		screenshot("backoffice-affiliation-form");
		click(By.id("register"));
		waitFor(By.id("company-users"));
		assertThat(textOf(By.cssSelector(".alert-info"))).contains("Afiliación registrada");
		screenshot("backoffice-affiliation-registered");
		click(By.cssSelector("#backoffice-logout button"));

		// the administrator: username by e-mail, password by SMS
		String e164 = "+593" + mobile.substring(1);
		await().atMost(WAIT).until(() -> !Mailbox.textsTo(email).isEmpty() && !SMS.receivedBy(e164).isEmpty());
		Matcher username = TEMPORARY_USERNAME.matcher(Mailbox.textsTo(email).get(0));
		Matcher password = TEMPORARY_PASSWORD.matcher(SMS.receivedBy(e164).get(0).text());
		assertThat(username.find() && password.find()).isTrue();

		// first login: temporary credentials, the clave temporal, then the definitive credentials
		logIn(username.group(), password.group(1), e164, "first");
		waitForPath("/empresas/ingreso/credenciales");
		type(By.id("username"), "sierra.rosa");
		type(By.id("password"), "Quishpe2Verde");
		type(By.id("confirmation"), "Quishpe2Verde");
		click(By.id("accept"));
		assertThat(textOf(By.id("credentials-form"))).contains("nombres ni apellidos");
		screenshot("corporate-definitive-credentials-refused");
		type(By.id("username"), "sierra.tesoro");
		type(By.id("password"), "Montana7Verde");
		type(By.id("confirmation"), "Montana7Verde");
		screenshot("corporate-definitive-credentials");
		click(By.id("accept"));
		waitForPath("/empresas/ingreso");
		assertThat(textOf(By.cssSelector(".alert-info"))).contains("Creó su usuario y clave definitivos");
		screenshot("corporate-definitive-credentials-created");

		// the next login: the definitive credentials, the clave temporal, the profile
		CompanyUser admin = this.users.list(this.companies.findByRuc(new Ruc(ruc)).orElseThrow().id(), null, 0, 5)
			.users()
			.get(0);
		assertThat(admin.username()).isEqualTo("sierra.tesoro");
		assertThat(admin.temporary()).isFalse();
		assertThat(this.encoder.matches("Montana7Verde", this.users.passwordHash(admin.id()))).isTrue();
		logIn("sierra.tesoro", "Montana7Verde", e164, "again");
		waitForPath("/empresas/portal/perfil");
		screenshot("corporate-profile-choice");
		click(By.cssSelector("input[name='profile'][value='CORPORATE']"));
		click(By.id("choose"));
		waitForPath("/empresas/portal");
		screenshot("corporate-landing-corporate");

		// "Administración de perfiles de usuario": add a user, confirmed with a clave temporal
		click(By.id("user-administration"));
		waitForPath("/empresas/portal/usuarios");
		screenshot("corporate-users");
		click(By.id("add-user"));
		String newCedula = TestPeople.newCedula().value();
		String newMobile = TestPeople.newMobile().value();
		new Select(waitFor(By.id("documentType"))).selectByValue("CEDULA");
		type(By.id("documentNumber"), newCedula);
		type(By.id("firstNames"), "Luis Alberto");
		type(By.id("lastNames"), "Quiroz Mena");
		type(By.id("email"), TestPeople.newEmail().value());
		type(By.id("mobile"), newMobile);
		click(By.cssSelector("input[name='merchant']"));
		screenshot("corporate-user-add-form");
		int beforeKey = SMS.receivedBy(e164).size();
		click(By.id("save"));
		waitFor(By.id("confirm-form"));
		await().atMost(WAIT).until(() -> SMS.codeAfter(e164, beforeKey, 6).isPresent());
		type(By.id("key"), SMS.codeAfter(e164, beforeKey, 6).orElseThrow());
		screenshot("corporate-user-add-confirm");
		click(By.id("accept"));
		waitFor(By.id("result"));
		screenshot("corporate-user-added");
		click(By.id("back-to-list"));
		long companyId = this.companies.findByRuc(new Ruc(ruc)).orElseThrow().id();
		CompanyUser added = this.users.list(companyId, "Quiroz", 0, 10).users().get(0);
		assertThat(textOf(By.id("users"))).contains("Luis Alberto Quiroz Mena");

		// edit (the pencil): a tampered request that changes the document is refused; a change of names is saved
		click(By.cssSelector("a[href$='/" + added.id() + "/editar']"));
		waitFor(By.id("user-form"));
		assertThat(textOf(By.id("document-number"))).isEqualTo(newCedula);
		((JavascriptExecutor) browser()).executeScript("var f = document.getElementById('user-form');"
				+ " var i = document.createElement('input'); i.type = 'hidden'; i.name = 'documentNumber';"
				+ " i.value = arguments[0]; f.appendChild(i);", TestPeople.newCedula().value());
		type(By.id("lastNames"), "Quiroz Andrade");
		click(By.id("save"));
		assertThat(textOf(By.cssSelector(".alert-error"))).contains("El documento de identidad no se puede cambiar");
		screenshot("corporate-user-document-refused");
		type(By.id("lastNames"), "Quiroz Andrade");
		screenshot("corporate-user-edit-form");
		click(By.id("save"));
		waitFor(By.id("confirm-form"));
		screenshot("corporate-user-edit-confirm");
		click(By.id("accept"));
		waitForPath("/empresas/portal/usuarios");
		assertThat(textOf(By.id("users"))).contains("Luis Alberto Quiroz Andrade").contains(newCedula);
		screenshot("corporate-user-edited");

		// delete (the cross): a confirmation, then the user is gone from the list and cannot log in
		click(By.cssSelector("a[href$='/" + added.id() + "/eliminar']"));
		waitFor(By.id("delete-form"));
		screenshot("corporate-user-delete-confirm");
		click(By.id("delete"));
		waitForPath("/empresas/portal/usuarios");
		assertThat(textOf(By.id("users"))).doesNotContain("Quiroz");
		screenshot("corporate-user-deleted");
		assertThat(this.users.findById(added.id()).orElseThrow().deleted()).isTrue();
		click(By.cssSelector("#portal-logout button"));

		// "¿Olvidó su usuario y/o clave?": RUC and identity number, the clave temporal, a new password
		open("/empresas/recuperar");
		type(By.id("ruc"), ruc);
		type(By.id("documentNumber"), cedula);
		screenshot("corporate-recovery");
		int beforeRecovery = SMS.receivedBy(e164).size();
		click(By.id("continue"));
		waitFor(By.id("key-form"));
		await().atMost(WAIT).until(() -> SMS.codeAfter(e164, beforeRecovery, 6).isPresent());
		type(By.id("key"), SMS.codeAfter(e164, beforeRecovery, 6).orElseThrow());
		screenshot("corporate-recovery-key");
		click(By.id("accept"));
		waitFor(By.id("password"));
		assertThat(browser().getPageSource()).contains("sierra.tesoro");
		type(By.id("password"), "Laguna4Azul");
		type(By.id("confirmation"), "Laguna4Azul");
		screenshot("corporate-recovery-password");
		click(By.id("change"));
		waitFor(By.id("done-title"));
		assertThat(textOf(By.id("done-title"))).isEqualTo("Su clave se cambió exitosamente");
		screenshot("corporate-recovery-done");

		// and the new password logs in
		logIn("sierra.tesoro", "Laguna4Azul", e164, "after-recovery");
		waitForPath("/empresas/portal/perfil");
	}

	/** Username and password, then the clave temporal read from the SMS (it also went by e-mail). */
	private void logIn(String username, String password, String e164, String name) {
		open("/empresas/ingreso");
		type(By.id("username"), username);
		type(By.id("password"), password);
		screenshot("corporate-login-" + name);
		int before = SMS.receivedBy(e164).size();
		click(By.id("continue"));
		waitFor(By.id("key-sent"));
		await().atMost(WAIT).until(() -> SMS.codeAfter(e164, before, 6).isPresent());
		type(By.id("key"), SMS.codeAfter(e164, before, 6).orElseThrow());
		screenshot("corporate-login-key-" + name);
		click(By.id("accept"));
	}

}
