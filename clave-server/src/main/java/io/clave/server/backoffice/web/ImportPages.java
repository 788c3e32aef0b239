package io.clave.server.backoffice.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.backoffice.OperatorRole;
import io.clave.server.backoffice.OperatorView;
import io.clave.server.backoffice.Operators;
import io.clave.server.backoffice.SignedInOperator;
import io.clave.server.corebanking.ImportListener;
import io.clave.server.corebanking.ImportRefusedException;
import io.clave.server.corebanking.ImportReport;
import io.clave.server.corebanking.Imports;
import io.clave.server.shared.ClientContext;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Importar datos del core": an operator uploads the core-banking system's extract (docs/core-banking-import.md);
 * the import runs while the page waits and the page shows its report: rows loaded, what changed, and each rejected
 * row with its line and reason. Files up to spring.servlet.multipart.max-file-size; the first load of a whole bank
 * goes through the {@code import} command. Only operators with the OPERATOR role reach it (the back-office chain).
 */
@Controller
@RequestMapping("/backoffice/importaciones")
class ImportPages {

	static final String AUDIT_TYPE = "CORE_BANKING_IMPORT";

	private final Imports imports;

	private final Operators operators;

	private final AuditTrail audit;

	ImportPages(Imports imports, Operators operators, AuditTrail audit) {
		this.imports = imports;
		this.operators = operators;
		this.audit = audit;
	}

	@ModelAttribute
	void menu(@AuthenticationPrincipal SignedInOperator operator, Model model) {
		OperatorView view = this.operators.find(operator.operatorId()).orElseThrow();
		model.addAttribute("operator", view);
		model.addAttribute("roleNames",
				List.of(OperatorRole.values()).stream().filter(view.roles()::contains).map(Enum::name).toList());
		model.addAttribute("active", "import");
	}

	@GetMapping
	String form() {
		return "backoffice/import";
	}

	@PostMapping
	String run(@AuthenticationPrincipal SignedInOperator operator,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, HttpServletRequest request,
			Model model) {
		ClientContext client = ClientContext.of(request);
		String subject = "operator:" + operator.operatorId();
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", "backoffice.import.no-file");
			return form();
		}
		ImportReport report;
		try (InputStream input = file.getInputStream()) {
			report = this.imports.run(input, ImportListener.NONE);
		}
		catch (ImportRefusedException ex) {
			this.audit.record(AuditEvent.failure(AUDIT_TYPE, subject, client, ex.reason().code()));
			model.addAttribute("error", "backoffice.import.refused." + ex.reason().code());
			return form();
		}
		catch (IOException ex) {
			this.audit.record(AuditEvent.failure(AUDIT_TYPE, subject, client, "unreadable"));
			model.addAttribute("error", "backoffice.import.unreadable");
			return form();
		}
		this.audit.record(AuditEvent.success(AUDIT_TYPE, subject, client)
			.with("rows", Long.toString(report.rows()))
			.with("loaded", Long.toString(report.loaded()))
			.with("rejected", Long.toString(report.rejected()))
			.with("customers", report.customers().toString())
			.with("cards", report.cards().toString())
			.with("accounts", report.accounts().toString()));
		model.addAttribute("report", report);
		model.addAttribute("notice", report.rejected() == 0 ? "backoffice.import.done" : "backoffice.import.done-with-rejections");
		return form();
	}

}
