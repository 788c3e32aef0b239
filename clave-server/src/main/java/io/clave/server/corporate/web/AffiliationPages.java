package io.clave.server.corporate.web;

import java.util.Locale;

import io.clave.server.identity.IdentitySettings;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The corporate portal's public pages: its landing ({@code /empresas}) with the three profiles, and "Cree usuario y
 * clave" ({@code /empresas/registro}), which tells a company how it joins (download the affiliation form, sign and
 * seal it, deliver it; the bank registers it and sends temporary credentials; the administrator then creates the
 * definitive ones), and serves the blank form itself as a PDF.
 */
@Controller
@RequestMapping("/empresas")
class AffiliationPages {

	private final AffiliationSettings settings;

	private final IdentitySettings identity;

	private final AffiliationPdf pdf;

	private final MessageSource messages;

	AffiliationPages(AffiliationSettings settings, IdentitySettings identity, AffiliationPdf pdf,
			MessageSource messages) {
		this.settings = settings;
		this.identity = identity;
		this.pdf = pdf;
		this.messages = messages;
	}

	@GetMapping
	String home() {
		return "corporate/home";
	}

	@GetMapping("/registro")
	String affiliation(Model model) {
		model.addAttribute("affiliation", this.settings);
		model.addAttribute("identity", this.identity);
		return "corporate/affiliation";
	}

	/** "Descargar Documento": the blank affiliation form, drawn anew in the page's language. */
	@GetMapping("/registro/formulario.pdf")
	ResponseEntity<byte[]> form(Locale locale) {
		byte[] body = this.pdf.render(locale);
		String filename = this.messages.getMessage("corporate.affiliation.pdf.filename", null, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

}
