package io.clave.server.backoffice.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditQuery;
import io.clave.server.audit.AuditResults;
import io.clave.server.audit.AuditSearch;
import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.AuditVerification;
import io.clave.server.audit.ChainVerification;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.backoffice.OperatorRole;
import io.clave.server.backoffice.OperatorView;
import io.clave.server.backoffice.Operators;
import io.clave.server.backoffice.SignedInOperator;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Auditoría": the audit trail for operators with the AUDITOR role (the back-office security chain): a search by
 * person (subject), event type, dates (in the bank's time zone) and outcome, newest first; the same search as CSV;
 * and the check of the hash chain. Every search, export and check is itself recorded, with the filters and never the
 * results.
 */
@Controller
@RequestMapping("/backoffice/auditoria")
class AuditPages {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 100;

	static final int MAX_PAGE = 10_000;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

	private static final List<String> CSV_HEADER = List.of("id", "occurred_at", "type", "outcome", "subject",
			"ip_address", "user_agent", "details");

	private final AuditSearch search;

	private final AuditVerification verification;

	private final AuditTrail trail;

	private final Operators operators;

	private final ZoneId zone;

	private final Clock clock;

	private final int exportLimit;

	AuditPages(AuditSearch search, AuditVerification verification, AuditTrail trail, Operators operators,
			BankSettings bank, Clock clock, @Value("${clave.audit.export-limit:100000}") int exportLimit) {
		this.search = search;
		this.verification = verification;
		this.trail = trail;
		this.operators = operators;
		this.zone = bank.timeZone();
		this.clock = clock;
		this.exportLimit = exportLimit;
	}

	@ModelAttribute
	void menu(@AuthenticationPrincipal SignedInOperator operator, Model model) {
		OperatorView view = this.operators.find(operator.operatorId()).orElseThrow();
		model.addAttribute("operator", view);
		model.addAttribute("roleNames",
				List.of(OperatorRole.values()).stream().filter(view.roles()::contains).map(Enum::name).toList());
		model.addAttribute("active", "audit");
	}

	@GetMapping
	String search(@AuthenticationPrincipal SignedInOperator operator, @RequestParam Map<String, String> params,
			HttpServletRequest request, Model model) {
		Filters filters = Filters.parse(params, this.zone);
		page(filters, model);
		if (!filters.errors().isEmpty()) {
			return "backoffice/audit";
		}
		AuditResults results = this.search.search(filters.query(), filters.page() - 1, filters.size());
		this.trail.record(filters.describe(AuditEvent.success("BACKOFFICE_AUDIT_SEARCH", subject(operator),
				ClientContext.of(request))).with("page", Integer.toString(filters.page())));
		model.addAttribute("rows", results.events().stream().map(this::row).toList());
		model.addAttribute("pageNumber", filters.page());
		model.addAttribute("previousUrl", filters.page() > 1 ? filters.url("/backoffice/auditoria", filters.page() - 1) : null);
		model.addAttribute("nextUrl", results.hasNext() && filters.page() < MAX_PAGE
				? filters.url("/backoffice/auditoria", filters.page() + 1) : null);
		return "backoffice/audit";
	}

	/** The same search as CSV, newest first, at most {@code clave.audit.export-limit} rows, streamed. */
	@GetMapping("/exportar")
	@Nullable
	String export(@AuthenticationPrincipal SignedInOperator operator, @RequestParam Map<String, String> params,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		Filters filters = Filters.parse(params, this.zone);
		if (!filters.errors().isEmpty()) {
			page(filters, model);
			return "backoffice/audit";
		}
		this.trail.record(filters.describe(AuditEvent.success("BACKOFFICE_AUDIT_EXPORT", subject(operator),
				ClientContext.of(request))).with("limit", Integer.toString(this.exportLimit)));
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("auditoria-" + FILE_STAMP.format(this.clock.instant().atZone(this.zone)) + ".csv")
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// a byte order mark, so that spreadsheets read the accents as UTF-8
		out.write('\uFEFF');
		out.write(AuditCsv.line(CSV_HEADER));
		this.search.export(filters.query(), this.exportLimit, event -> {
			try {
				out.write(AuditCsv.line(List.of(Long.toString(event.id()),
						DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt().atZone(this.zone)),
						event.type(), event.outcome().name(), event.subject(), event.ipAddress(), event.userAgent(),
						String.join("; ", details(event)))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.flush();
		return null;
	}

	/** "Verificar cadena": the same check as {@code audit verify}; the result is shown above the search form. */
	@PostMapping("/verificar")
	String verify(@AuthenticationPrincipal SignedInOperator operator, HttpServletRequest request, Model model) {
		ChainVerification result = this.verification.verify();
		AuditEvent event = result.isWhole()
				? AuditEvent.success("BACKOFFICE_AUDIT_VERIFY", subject(operator), ClientContext.of(request))
				: AuditEvent.failure("BACKOFFICE_AUDIT_VERIFY", subject(operator), ClientContext.of(request),
						String.valueOf(result.problem())).with("brokenAt", String.valueOf(result.brokenAt()));
		this.trail.record(event.with("checked", Long.toString(result.checked())));
		page(Filters.parse(Map.of(), this.zone), model);
		model.addAttribute("verifiedChecked", result.checked());
		if (!result.isWhole()) {
			model.addAttribute("verifiedBrokenAt", result.brokenAt());
			model.addAttribute("verifiedProblem", String.valueOf(result.problem()));
		}
		return "backoffice/audit";
	}

	private void page(Filters filters, Model model) {
		model.addAttribute("values", filters.values());
		model.addAttribute("errors", filters.errors());
		if (!filters.errors().isEmpty()) {
			model.addAttribute("error", "form.errors");
		}
		model.addAttribute("types", this.search.types());
		model.addAttribute("zone", this.zone.getId());
		model.addAttribute("exportUrl", filters.url("/backoffice/auditoria/exportar", 0));
		model.addAttribute("exportLimit", this.exportLimit);
	}

	private Row row(RecordedAuditEvent event) {
		return new Row(event.id(), SHOWN.format(event.occurredAt().atZone(this.zone)), event.type(),
				event.outcome().name(), event.subject(), event.ipAddress(), details(event));
	}

	private static List<String> details(RecordedAuditEvent event) {
		return event.details().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
	}

	private static String subject(SignedInOperator operator) {
		return "operator:" + operator.operatorId();
	}

	/** A row of the results table; the template escapes every text. */
	record Row(long id, String time, String type, String outcome, String subject, String ip, List<String> details) {
	}

	/**
	 * The search form as typed ({@code persona}, {@code tipo}, {@code desde}, {@code hasta} as yyyy-mm-dd in the
	 * bank's time zone, {@code resultado}, {@code pagina} from 1, {@code tamano} 1 to 100), checked.
	 */
	record Filters(Map<String, String> values, Map<String, String> errors, AuditQuery query, int page, int size) {

		/** The form's fields by the names the audit record gives them. */
		private static final Map<String, String> AUDITED = Map.of("persona", "person", "tipo", "type", "desde", "from",
				"hasta", "to", "resultado", "outcome", "tamano", "size");

		static Filters parse(Map<String, String> params, ZoneId zone) {
			Map<String, String> values = new LinkedHashMap<>();
			Map<String, String> errors = new HashMap<>();
			String person = text(params, "persona", values);
			if (person.length() > 128) {
				errors.put("persona", "backoffice.audit.error.person");
			}
			String type = text(params, "tipo", values);
			if (type.length() > 64) {
				errors.put("tipo", "backoffice.audit.error.type");
			}
			LocalDate from = date(text(params, "desde", values), "desde", errors);
			LocalDate to = date(text(params, "hasta", values), "hasta", errors);
			if (from != null && to != null && from.isAfter(to)) {
				errors.put("hasta", "backoffice.audit.error.range");
			}
			String outcomeText = text(params, "resultado", values);
			Outcome outcome = null;
			if (!outcomeText.isEmpty()) {
				try {
					outcome = Outcome.valueOf(outcomeText);
				}
				catch (IllegalArgumentException ex) {
					errors.put("resultado", "backoffice.audit.error.outcome");
				}
			}
			int page = number(params.get("pagina"), 1, MAX_PAGE, 1, "pagina", "backoffice.audit.error.page", errors);
			int size = number(params.get("tamano"), 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, "tamano",
					"backoffice.audit.error.size", errors);
			if (size != DEFAULT_PAGE_SIZE) {
				values.put("tamano", Integer.toString(size));
			}
			Map<String, String> shown = new HashMap<>(values);
			for (String field : errors.keySet()) {
				String raw = params.get(field);
				if (raw != null && raw.length() <= 200) {
					shown.put(field, raw);
				}
			}
			AuditQuery query = new AuditQuery(person.isEmpty() ? null : person, type.isEmpty() ? null : type,
					from == null ? null : from.atStartOfDay(zone).toInstant(),
					to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), outcome);
			return new Filters(errors.isEmpty() ? values : shown, errors, query, page, size);
		}

		/** The filters in the audit record of a search or export (what was asked, never what was found). */
		AuditEvent describe(AuditEvent event) {
			AuditEvent described = event;
			for (Map.Entry<String, String> value : this.values.entrySet()) {
				described = described.with(AUDITED.getOrDefault(value.getKey(), value.getKey()), value.getValue());
			}
			return described;
		}

		/** This search at another page (0: no page), its values encoded (a "+" stays a plus, "&" a character). */
		String url(String path, int page) {
			List<String> query = new ArrayList<>();
			if (this.errors.isEmpty()) {
				this.values.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
			}
			if (page > 0) {
				query.add("pagina=" + page);
			}
			return query.isEmpty() ? path : path + "?" + String.join("&", query);
		}

		private static String text(Map<String, String> params, String name, Map<String, String> values) {
			String value = params.getOrDefault(name, "").strip();
			if (!value.isEmpty() && value.length() <= 200) {
				values.put(name, value);
			}
			return value;
		}

		private static @Nullable LocalDate date(String text, String field, Map<String, String> errors) {
			if (text.isEmpty()) {
				return null;
			}
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				errors.put(field, "backoffice.audit.error.date");
				return null;
			}
		}

		private static int number(@Nullable String text, int min, int max, int otherwise, String field, String key,
				Map<String, String> errors) {
			if (text == null || text.isBlank()) {
				return otherwise;
			}
			try {
				int value = Integer.parseInt(text.strip());
				if (value >= min && value <= max) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// the message below
			}
			errors.put(field, key);
			return otherwise;
		}

	}

}
