package io.clave.server.corporate.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;

import io.clave.server.shared.BankSettings;
import io.clave.server.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The corporate portal's public pages and the affiliation form a company downloads, signs and brings to the bank. */
class AffiliationPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MessageSource messages;

	@Test
	void theLandingOffersTheThreeProfilesAndTheWaysIn() {
		MvcTestResult page = get("/empresas?lang=es");
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Portal de empresas y establecimientos", "Perfil Corporativo", "Perfil Establecimiento",
					"Perfil Corporativo/Establecimiento", "Cree usuario y clave", "¿Olvidó su usuario y/o clave?")
			.contains("href=\"/empresas/registro\"", "href=\"/empresas/ingreso\"", "href=\"/empresas/recuperar\"");

		assertThat(get("/empresas?lang=en")).hasStatusOk()
			.bodyText()
			.contains("Companies and merchants portal", "Corporate profile", "Merchant profile",
					"Create username and password", "Forgot your username and/or password?");
	}

	@Test
	void thePublicHomeAndTheOldBusinessPageLeadToThePortal() {
		assertThat(get("/?lang=es")).bodyText().contains("href=\"/empresas\"");
		assertThat(get("/registro/empresas?lang=es")).hasStatusOk()
			.bodyText()
			.contains("href=\"/empresas/registro\"", "Cree usuario y clave")
			.doesNotContain("disponible pronto");
	}

	@Test
	void theRegistrationPageFollowsTheStepsOfTheAffiliation() throws IOException {
		String page = get("/empresas/registro?lang=es").getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Registro a servicios online", "Cree usuario y clave", "Descargar Documento",
				"href=\"/empresas/registro/formulario.pdf?lang=es\"", "empresas@bancoclave.example",
				"En un plazo de 96 horas", "el usuario temporal lo recibirá en el correo electrónico",
				"la clave temporal vía SMS", "entre 8 y 14 caracteres", "cumpleaños, aniversarios, nombres ni apellidos",
				"entre 8 y 20 caracteres y usar mayúsculas, minúsculas y números",
				"diferente al nombre de usuario", "código de acceso", "(02) 400 9000");
		// the steps in the order of the seed: profile, download, deliver, credentials, login, definitive, ready
		assertThat(page).containsSubsequence("id=\"step-profile\"", "id=\"step-download\"", "id=\"step-deliver\"",
				"id=\"step-credentials\"", "id=\"step-login\"", "id=\"step-definitive\"", "id=\"step-ready\"");

		assertThat(get("/empresas/registro?lang=en")).hasStatusOk()
			.bodyText()
			.contains("Online services registration", "Download form", "Within 96 hours",
					"temporary password by SMS", "between 8 and 14 characters",
					"href=\"/empresas/registro/formulario.pdf?lang=en\"");
	}

	@Test
	void theFormIsARealPdfInSpanish() throws IOException {
		MvcTestResult response = get("/empresas/registro/formulario.pdf?lang=es");
		assertThat(response).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		assertThat(response).headers()
			.hasValue(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"afiliacion-empresas.pdf\"");
		assertThat(response.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		byte[] pdf = response.getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(document.getDocumentInformation().getTitle())
				.isEqualTo("Solicitud de afiliación a servicios online — Empresas");
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Banco Clave", "Solicitud de afiliación a servicios online — Empresas",
					"Datos de la empresa", "RUC (13 dígitos)", "Razón social", "Nombre comercial", "Dirección",
					"Perfil solicitado", "Corporativo", "Establecimiento", "Ambos", "Administrador", "Cédula",
					"Pasaporte", "Nombres", "Apellidos", "Celular del administrador",
					"El usuario temporal se enviará a este correo electrónico", "Documentos habilitantes",
					"Nombramiento del representante legal", "Firma del representante legal", "Sello de la empresa",
					"Fecha", "Lugar", "empresas@bancoclave.example", "96 horas");
		}
	}

	@Test
	void theFormIsInEnglishForAnEnglishPage() throws IOException {
		MvcTestResult response = get("/empresas/registro/formulario.pdf?lang=en");
		assertThat(response).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		assertThat(response).headers()
			.hasValue(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"company-affiliation.pdf\"");

		try (PDDocument document = Loader.loadPDF(response.getResponse().getContentAsByteArray())) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Application for online services — Companies", "Company details",
					"RUC (tax ID, 13 digits)", "Legal name", "Profile requested", "Administrator", "Passport",
					"Administrator’s mobile phone", "temporary password by SMS", "Supporting documents",
					"Signature of the legal representative", "Company seal")
				.doesNotContain("Razón social");
		}
	}

	@Test
	void aBankNameOrAddressTheStandardFontsCannotShowStillMakesAOnePageForm() throws IOException {
		AffiliationPdf form = new AffiliationPdf(this.messages,
				new BankSettings("Banco Ñandú 銀行 " + "Cooperativa de Ahorro y Crédito ".repeat(4), "1800 000 000",
						ZoneId.of("America/Guayaquil")),
				new AffiliationSettings("afiliaciones.de.empresas.y.establecimientos@un-banco-con-nombre-largo.example",
						120));
		try (PDDocument document = Loader.loadPDF(form.render(Locale.forLanguageTag("es-EC")))) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(new PDFTextStripper().getText(document)).contains("Banco Ñandú ?? Cooperativa", "120 horas");
		}
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_PDF).exchange();
	}

}
