package io.clave.server.corporate.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.corporate.AdministrationOutcome;
import io.clave.server.corporate.Company;
import io.clave.server.corporate.CompanyUser;
import io.clave.server.corporate.CompanyUserAdministration;
import io.clave.server.corporate.CompanyUserForm;
import io.clave.server.corporate.CompanyUsers;
import io.clave.server.corporate.CorporatePortal;
import io.clave.server.corporate.PendingUserChange;
import io.clave.server.corporate.SignedInCompanyUser;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.Formats;
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
 * "Administración de perfiles de usuario" ({@code /empresas/portal/usuarios}, administrators only): the list of the
 * company's users with "Agregar Usuario" at the top, a pencil to edit and a cross to delete each one. Adding: the form,
 * "Guardar", the confirmation with the clave temporal sent to the administrator, "Aceptar", and the page that says the
 * temporary credentials were sent. Editing: the form with the identity document shown but not editable, "Guardar", the
 * confirmation listing what changes (with the clave temporal when the e-mail or mobile changes), "Aceptar". Deleting:
 * a confirmation dialog page, "Eliminar". Ids in addresses are checked against the administrator's company by the
 * service: another company's id behaves like an unknown one.
 */
@Controller
@RequestMapping("/empresas/portal/usuarios")
class UserAdministrationPages {

	private static final String LIST = "redirect:/empresas/portal/usuarios";

	private final CompanyUserAdministration administration;

	private final Formats formats;

	private final CorporatePortal portal;

	UserAdministrationPages(CompanyUserAdministration administration, Formats formats, CorporatePortal portal) {
		this.portal = portal;
		this.administration = administration;
		this.formats = formats;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal SignedInCompanyUser admin, Model model) {
		model.addAttribute("fmt", this.formats);
		// the portal's menu: who is signed in, with which profile
		this.portal.me(admin).ifPresent(me -> model.addAttribute("me", me));
		model.addAttribute("profile", admin.profile());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInCompanyUser admin,
			@RequestParam(name = "buscar", required = false) @Nullable String search,
			@RequestParam(name = "pagina", required = false) @Nullable String page, Model model) {
		CompanyUsers.Page users = this.administration.list(admin, search, pageNumber(page) - 1);
		model.addAttribute("users", users);
		model.addAttribute("search", search == null ? "" : search.strip());
		model.addAttribute("self", admin.userId());
		return "corporate/users";
	}

	// ---- Agregar Usuario --------------------------------------------------------------------------------------------

	@GetMapping("/nuevo")
	String addForm(@AuthenticationPrincipal SignedInCompanyUser admin, Model model) {
		if (!model.containsAttribute("values")) {
			Map<String, String> values = new HashMap<>();
			values.put("documentType", "CEDULA");
			values.put("role", "USER");
			this.administration.company(admin).ifPresent(company -> {
				company.profiles().profiles().forEach(profile -> values.put(profile.name().toLowerCase(Locale.ROOT),
						"true"));
			});
			model.addAttribute("values", values);
		}
		return form(admin, null, model);
	}

	@PostMapping("/nuevo")
	String add(@AuthenticationPrincipal SignedInCompanyUser admin, @RequestParam Map<String, String> form,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		AdministrationOutcome outcome = this.administration.add(admin, form(form, true), ClientContext.of(request),
				locale);
		return afterFiling(admin, outcome, form, null, model, redirect);
	}

	// ---- editar (lápiz) ---------------------------------------------------------------------------------------------

	@GetMapping("/{id}/editar")
	String editForm(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable String id, Model model) {
		Optional<CompanyUser> user = parse(id).flatMap(uuid -> this.administration.find(admin, uuid));
		if (user.isEmpty()) {
			return LIST;
		}
		if (!model.containsAttribute("values")) {
			CompanyUser found = user.get();
			Map<String, String> values = new HashMap<>();
			values.put("firstNames", found.firstNames());
			values.put("lastNames", found.lastNames());
			values.put("email", found.email().value());
			values.put("mobile", found.mobile().value());
			values.put("role", found.role().name());
			found.profiles().profiles().forEach(profile -> values.put(profile.name().toLowerCase(Locale.ROOT), "true"));
			model.addAttribute("values", values);
		}
		return form(admin, user.get(), model);
	}

	@PostMapping("/{id}/editar")
	String edit(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable String id,
			@RequestParam Map<String, String> form, HttpServletRequest request, Locale locale, Model model,
			RedirectAttributes redirect) {
		Optional<UUID> uuid = parse(id);
		Optional<CompanyUser> user = uuid.flatMap(found -> this.administration.find(admin, found));
		if (user.isEmpty()) {
			return LIST;
		}
		AdministrationOutcome outcome = this.administration.edit(admin, uuid.get(), form(form, false),
				ClientContext.of(request), locale);
		if (outcome.kind() == AdministrationOutcome.Kind.NO_CHANGES) {
			redirect.addFlashAttribute("notice", outcome.messageKey());
			return LIST;
		}
		return afterFiling(admin, outcome, form, user.get(), model, redirect);
	}

	// ---- the confirmation ("Aceptar") and its result -----------------------------------------------------------------

	@GetMapping("/cambios/{id}")
	String change(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable String id, Locale locale,
			Model model) {
		Optional<PendingUserChange> change = parse(id).flatMap(uuid -> this.administration.change(admin, uuid));
		if (change.isEmpty()) {
			return LIST;
		}
		model.addAttribute("change", change.get());
		if (change.get().done() && change.get().kind() == PendingUserChange.Kind.ADD) {
			return "corporate/users-result";
		}
		if (!change.get().pending()) {
			return LIST;
		}
		if (change.get().targetId() != null) {
			Optional<CompanyUser> target = this.administration.find(admin, change.get().targetId());
			if (target.isEmpty()) {
				return LIST;
			}
			model.addAttribute("target", target.get());
		}
		model.addAttribute("expiresAtText", this.formats.dateTime(change.get().expiresAt(), locale));
		return "corporate/users-confirm";
	}

	@PostMapping("/cambios/{id}")
	String accept(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable String id,
			@RequestParam(name = "key", required = false) @Nullable String key, HttpServletRequest request,
			Locale locale, Model model, RedirectAttributes redirect) {
		Optional<UUID> uuid = parse(id);
		if (uuid.isEmpty()) {
			return LIST;
		}
		AdministrationOutcome outcome = this.administration.confirm(admin, uuid.get(), key, ClientContext.of(request),
				locale);
		switch (outcome.kind()) {
			case DONE -> {
				if (outcome.change() != null && outcome.change().kind() == PendingUserChange.Kind.ADD) {
					return "redirect:/empresas/portal/usuarios/cambios/" + uuid.get();
				}
				redirect.addFlashAttribute("notice", "corporate.users.edit.done");
				return LIST;
			}
			case WRONG_KEY, KEY_EXPIRED -> {
				model.addAttribute("errors", outcome.fieldErrors());
				model.addAttribute("error", outcome.messageKey());
				if (outcome.kind() == AdministrationOutcome.Kind.WRONG_KEY) {
					model.addAttribute("attemptsLeft", outcome.attemptsLeft());
				}
				return change(admin, id, locale, model);
			}
			case UNKNOWN -> {
				return LIST;
			}
			default -> {
				redirect.addFlashAttribute("error", outcome.messageKey());
				return LIST;
			}
		}
	}

	@PostMapping("/cambios/{id}/clave-temporal")
	String resendKey(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable String id, Locale locale,
			RedirectAttributes redirect) {
		Optional<UUID> uuid = parse(id);
		if (uuid.isEmpty()) {
			return LIST;
		}
		KeyIssue issue = this.administration.resendKey(admin, uuid.get(), locale);
		redirect.addFlashAttribute(issue.outcome() == KeyIssue.Outcome.ISSUED ? "notice" : "error",
				switch (issue.outcome()) {
					case ISSUED -> "corporate.users.key.resent";
					case COOL_DOWN -> "corporate.users.key.cool-down";
					default -> "corporate.users.key.limit";
				});
		return "redirect:/empresas/portal/usuarios/cambios/" + uuid.get();
	}

	// ---- eliminar (cruz) ----------------------------------------------------------------------------------------------

	@GetMapping("/{id}/eliminar")
	String deleteDialog(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable String id, Model model) {
		Optional<CompanyUser> user = parse(id).flatMap(uuid -> this.administration.find(admin, uuid));
		if (user.isEmpty()) {
			return LIST;
		}
		model.addAttribute("user", user.get());
		model.addAttribute("self", user.get().id().equals(admin.userId()));
		return "corporate/users-delete";
	}

	@PostMapping("/{id}/eliminar")
	String delete(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable String id,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		Optional<UUID> uuid = parse(id);
		if (uuid.isEmpty()) {
			return LIST;
		}
		AdministrationOutcome outcome = this.administration.delete(admin, uuid.get(), ClientContext.of(request),
				locale);
		if (outcome.kind() == AdministrationOutcome.Kind.DONE) {
			redirect.addFlashAttribute("notice", "corporate.users.delete.done");
		}
		else if (outcome.kind() != AdministrationOutcome.Kind.UNKNOWN) {
			redirect.addFlashAttribute("error", outcome.messageKey());
		}
		return LIST;
	}

	@PostMapping("/{id}/credenciales")
	String reissue(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable String id,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		Optional<UUID> uuid = parse(id);
		if (uuid.isEmpty()) {
			return LIST;
		}
		AdministrationOutcome outcome = this.administration.reissueTemporaryCredentials(admin, uuid.get(),
				ClientContext.of(request), locale);
		if (outcome.kind() == AdministrationOutcome.Kind.DONE) {
			redirect.addFlashAttribute("notice", "corporate.users.reissue.done");
		}
		else if (outcome.kind() != AdministrationOutcome.Kind.UNKNOWN) {
			redirect.addFlashAttribute("error", outcome.messageKey());
		}
		return LIST;
	}

	// ---- helpers ------------------------------------------------------------------------------------------------------

	private String afterFiling(SignedInCompanyUser admin, AdministrationOutcome outcome, Map<String, String> form,
			@Nullable CompanyUser user, Model model, RedirectAttributes redirect) {
		switch (outcome.kind()) {
			case PENDING -> {
				return "redirect:/empresas/portal/usuarios/cambios/" + outcome.change().id();
			}
			case REJECTED, REFUSED -> {
				model.addAttribute("error", outcome.messageKey());
				model.addAttribute("errors", outcome.fieldErrors());
				model.addAttribute("values", values(form));
				return form(admin, user, model);
			}
			default -> {
				if (outcome.messageKey() != null) {
					redirect.addFlashAttribute("error", outcome.messageKey());
				}
				return LIST;
			}
		}
	}

	private String form(SignedInCompanyUser admin, @Nullable CompanyUser user, Model model) {
		Optional<Company> company = this.administration.company(admin);
		model.addAttribute("company", company.orElse(null));
		model.addAttribute("user", user);
		model.addAttribute("self", user != null && user.id().equals(admin.userId()));
		return "corporate/users-form";
	}

	/** The form as typed; on an edit the document is taken only if a (tampered) request sends one. */
	private static CompanyUserForm form(Map<String, String> form, boolean adding) {
		return new CompanyUserForm(form.get("documentType"), form.get("documentNumber"), form.get("firstNames"),
				form.get("lastNames"), form.get("email"), form.get("mobile"), "true".equals(form.get("corporate")),
				"true".equals(form.get("merchant")), adding && form.get("role") == null ? "USER" : form.get("role"));
	}

	private static Map<String, String> values(Map<String, String> form) {
		Map<String, String> values = new HashMap<>();
		for (String field : new String[] { "documentType", "documentNumber", "firstNames", "lastNames", "email",
				"mobile", "role", "corporate", "merchant" }) {
			String value = form.get(field);
			if (value != null && value.length() <= 254) {
				values.put(field, value);
			}
		}
		return values;
	}

	private static int pageNumber(@Nullable String page) {
		if (page == null || !page.strip().matches("[0-9]{1,6}")) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(page.strip()));
	}

	private static Optional<UUID> parse(String id) {
		try {
			return id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
