package io.clave.server.backoffice.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.backoffice.OperatorRole;
import io.clave.server.backoffice.OperatorView;
import io.clave.server.backoffice.Operators;
import io.clave.server.backoffice.SignedInOperator;
import io.clave.server.corporate.AffiliationForm;
import io.clave.server.corporate.AffiliationOutcome;
import io.clave.server.corporate.Affiliations;
import io.clave.server.corporate.Companies;
import io.clave.server.corporate.Company;
import io.clave.server.corporate.CompanyUsers;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.Formats;
import io.clave.server.shared.Ruc;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Registrar afiliación": an operator types the company and its administrator from the signed affiliation form;
 * saving registers them and sends the administrator's temporary credentials (username by e-mail, password by SMS).
 * The company's page lets the operator issue new temporary credentials to a user who has not used them yet.
 * Only operators with the OPERATOR role reach these pages (the back-office security chain).
 */
@Controller
@RequestMapping("/backoffice/afiliaciones")
class AffiliationRegistrationPages {

	private static final List<String> FIELDS = List.of("ruc", "legalName", "documentType", "documentNumber",
			"firstNames", "lastNames", "email", "mobile");

	private final Affiliations affiliations;

	private final Companies companies;

	private final CompanyUsers users;

	private final Operators operators;

	private final Formats formats;

	AffiliationRegistrationPages(Affiliations affiliations, Companies companies, CompanyUsers users,
			Operators operators, Formats formats) {
		this.affiliations = affiliations;
		this.companies = companies;
		this.users = users;
		this.operators = operators;
		this.formats = formats;
	}

	@ModelAttribute
	void menu(@AuthenticationPrincipal SignedInOperator operator, Model model) {
		OperatorView view = this.operators.find(operator.operatorId()).orElseThrow();
		model.addAttribute("operator", view);
		model.addAttribute("roleNames",
				List.of(OperatorRole.values()).stream().filter(view.roles()::contains).map(Enum::name).toList());
		model.addAttribute("active", "affiliation");
		model.addAttribute("fmt", this.formats);
	}

	@GetMapping
	String form(Model model) {
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", Map.of("documentType", "CEDULA"));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "backoffice/affiliation";
	}

	@PostMapping
	String register(@AuthenticationPrincipal SignedInOperator operator, @RequestParam Map<String, String> form,
			HttpServletRequest request, Locale locale, Model model) {
		AffiliationOutcome outcome = this.affiliations.register(new AffiliationForm(form.get("ruc"),
				form.get("legalName"), form.containsKey("corporate"), form.containsKey("merchant"),
				form.get("documentType"), form.get("documentNumber"), form.get("firstNames"), form.get("lastNames"),
				form.get("email"), form.get("mobile")), subject(operator), ClientContext.of(request), locale);
		if (outcome.kind() == AffiliationOutcome.Kind.REGISTERED) {
			return "redirect:/backoffice/afiliaciones/" + outcome.companyId() + "?registrada=1";
		}
		Map<String, String> values = new HashMap<>();
		for (String field : FIELDS) {
			String value = form.get(field);
			if (value != null && value.length() <= 254) {
				values.put(field, value);
			}
		}
		values.put("corporate", Boolean.toString(form.containsKey("corporate")));
		values.put("merchant", Boolean.toString(form.containsKey("merchant")));
		model.addAttribute("values", values);
		model.addAttribute("errors", outcome.fieldErrors());
		model.addAttribute("error", outcome.kind() == AffiliationOutcome.Kind.ALREADY_AFFILIATED
				? "corporate.company.ruc.taken" : "form.errors");
		return form(model);
	}

	/** Finds an affiliated company by its RUC. */
	@GetMapping("/buscar")
	String find(@RequestParam(name = "ruc", required = false) @Nullable String ruc, RedirectAttributes redirect) {
		Optional<Company> company = Ruc.parse(ruc == null ? "" : ruc).flatMap(this.companies::findByRuc);
		if (company.isEmpty()) {
			redirect.addFlashAttribute("error", "backoffice.affiliation.not-found");
			return "redirect:/backoffice/afiliaciones";
		}
		return "redirect:/backoffice/afiliaciones/" + company.get().id();
	}

	@GetMapping("/{companyId}")
	String company(@PathVariable long companyId,
			@RequestParam(name = "registrada", required = false) @Nullable String registered, Model model) {
		Optional<Company> company = this.companies.findById(companyId);
		if (company.isEmpty()) {
			return "redirect:/backoffice/afiliaciones";
		}
		model.addAttribute("company", company.get());
		model.addAttribute("users", this.users.list(companyId, null, 0, 100).users());
		if (registered != null && model.getAttribute("notice") == null) {
			model.addAttribute("notice", "backoffice.affiliation.registered");
		}
		return "backoffice/affiliation-company";
	}

	@PostMapping("/{companyId}/usuarios/{userId}/credenciales")
	String reissue(@AuthenticationPrincipal SignedInOperator operator, @PathVariable long companyId,
			@PathVariable UUID userId, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		boolean ofThisCompany = this.users.findInCompany(companyId, userId).isPresent();
		Optional<Instant> expires = ofThisCompany ? this.affiliations.reissueTemporaryCredentials(userId,
				subject(operator), ClientContext.of(request), locale) : Optional.empty();
		redirect.addFlashAttribute(expires.isPresent() ? "notice" : "error", expires.isPresent()
				? "backoffice.affiliation.reissued" : "backoffice.affiliation.reissue-refused");
		return "redirect:/backoffice/afiliaciones/" + companyId;
	}

	private static String subject(SignedInOperator operator) {
		return "operator:" + operator.operatorId();
	}

}
