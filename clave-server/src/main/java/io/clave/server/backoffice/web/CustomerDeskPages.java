package io.clave.server.backoffice.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.backoffice.OperatorRole;
import io.clave.server.backoffice.OperatorView;
import io.clave.server.backoffice.Operators;
import io.clave.server.backoffice.SignedInOperator;
import io.clave.server.backoffice.console.ChangeRequest;
import io.clave.server.backoffice.console.ChangeRequests;
import io.clave.server.backoffice.console.CustomerDesk;
import io.clave.server.backoffice.console.CustomerFile;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Buscar cliente" and a customer's file at the desk (operators and supervisors), and "Solicitudes", where a
 * supervisor approves or rejects what operators asked for.
 */
@Controller
class CustomerDeskPages {

	private final CustomerDesk desk;

	private final ChangeRequests requests;

	private final Operators operators;

	private final Formats formats;

	CustomerDeskPages(CustomerDesk desk, ChangeRequests requests, Operators operators, Formats formats) {
		this.desk = desk;
		this.requests = requests;
		this.operators = operators;
		this.formats = formats;
	}

	@ModelAttribute
	void menu(@AuthenticationPrincipal SignedInOperator operator, Model model) {
		OperatorView view = this.operators.find(operator.operatorId()).orElseThrow();
		model.addAttribute("operator", view);
		model.addAttribute("roleNames",
				List.of(OperatorRole.values()).stream().filter(view.roles()::contains).map(Enum::name).toList());
		model.addAttribute("fmt", this.formats);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	@GetMapping("/backoffice/clientes")
	String search(@AuthenticationPrincipal SignedInOperator operator,
			@RequestParam(name = "q", required = false) @Nullable String query, HttpServletRequest request,
			Model model) {
		model.addAttribute("active", "customers");
		model.addAttribute("query", query == null ? "" : query);
		if (query != null) {
			if (query.strip().length() < 3) {
				model.addAttribute("error", "backoffice.customers.query.short");
			}
			else {
				model.addAttribute("hits", this.desk.search(query, operator, ClientContext.of(request)));
				model.addAttribute("companyHits", this.desk.searchCompanyUsers(query));
			}
		}
		return "backoffice/customers";
	}

	@GetMapping("/backoffice/clientes/{userId}")
	String file(@AuthenticationPrincipal SignedInOperator operator, @PathVariable UUID userId,
			HttpServletRequest request, Model model) {
		Optional<CustomerFile> file = this.desk.file(userId, operator, ClientContext.of(request));
		if (file.isEmpty()) {
			return "redirect:/backoffice/clientes";
		}
		model.addAttribute("active", "customers");
		model.addAttribute("file", file.get());
		return "backoffice/customer";
	}

	@PostMapping("/backoffice/clientes/{userId}/desbloqueo")
	String unlock(@AuthenticationPrincipal SignedInOperator operator, @PathVariable UUID userId,
			HttpServletRequest request, RedirectAttributes redirect) {
		boolean done = this.desk.unlock(userId, operator, ClientContext.of(request));
		redirect.addFlashAttribute(done ? "notice" : "error",
				done ? "backoffice.customers.unlocked" : "backoffice.requests.unknown-customer");
		return "redirect:/backoffice/clientes/" + userId;
	}

	@PostMapping("/backoffice/clientes/{userId}/sesiones")
	String endSessions(@AuthenticationPrincipal SignedInOperator operator, @PathVariable UUID userId,
			HttpServletRequest request, RedirectAttributes redirect) {
		this.desk.endSessions(userId, operator, ClientContext.of(request));
		redirect.addFlashAttribute("notice", "backoffice.customers.sessions-ended");
		return "redirect:/backoffice/clientes/" + userId;
	}

	@PostMapping("/backoffice/clientes/{userId}/solicitudes")
	String request(@AuthenticationPrincipal SignedInOperator operator, @PathVariable UUID userId,
			@RequestParam(name = "kind", required = false) @Nullable String kind,
			@RequestParam(name = "value", required = false) @Nullable String value,
			@RequestParam(name = "identityChecked", required = false) @Nullable String identityChecked,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		ChangeRequest.Kind requested;
		try {
			requested = ChangeRequest.Kind.valueOf(kind == null ? "" : kind);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "backoffice.requests.kind.invalid");
			return "redirect:/backoffice/clientes/" + userId;
		}
		ChangeRequests.Outcome outcome = this.requests.request(userId, requested, value, identityChecked != null,
				operator, ClientContext.of(request));
		if (!outcome.done() && !outcome.fieldErrors().isEmpty()) {
			model.addAttribute("errors", outcome.fieldErrors());
			model.addAttribute("error", outcome.messageKey());
			model.addAttribute("values", Map.of("kind", requested.name(), "value", value == null ? "" : value));
			return file(operator, userId, request, model);
		}
		redirect.addFlashAttribute(outcome.done() ? "notice" : "error", outcome.messageKey());
		return "redirect:/backoffice/clientes/" + userId;
	}

	@GetMapping("/backoffice/solicitudes")
	String pending(Model model) {
		model.addAttribute("active", "requests");
		model.addAttribute("requests", this.requests.pending());
		return "backoffice/requests";
	}

	@PostMapping("/backoffice/solicitudes/{id}/{decision}")
	String decide(@AuthenticationPrincipal SignedInOperator operator, @PathVariable UUID id,
			@PathVariable String decision, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		if (!decision.equals("aprobar") && !decision.equals("rechazar")) {
			return "redirect:/backoffice/solicitudes";
		}
		ChangeRequests.Outcome outcome = this.requests.decide(id, decision.equals("aprobar"), operator,
				ClientContext.of(request), locale);
		redirect.addFlashAttribute(outcome.done() ? "notice" : "error", outcome.messageKey());
		return "redirect:/backoffice/solicitudes";
	}

}
