package io.clave.server.transfer.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.corebanking.Account;
import io.clave.server.corebanking.Accounts;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.Formats;
import io.clave.server.transfer.TransferOutcome;
import io.clave.server.transfer.TransferPreparation;
import io.clave.server.transfer.TransferRequest;
import io.clave.server.transfer.TransferView;
import io.clave.server.transfer.Transfers;
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
 * "Transferencias": the form (from which account, to which account, how much), then the confirmation with the
 * authorisation (the Token digital's signing code over amount and destination, or the clave temporal the SMS names
 * them in), then the receipt with the new balance. The form carries an idempotency key, so a form sent twice (a
 * double click, a reload) files one transfer.
 */
@Controller
@RequestMapping("/banca/transferencias")
class TransferPages {

	private final Transfers transfers;

	private final Accounts accounts;

	private final Formats formats;

	TransferPages(Transfers transfers, Accounts accounts, Formats formats) {
		this.transfers = transfers;
		this.accounts = accounts;
		this.formats = formats;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("fmt", this.formats);
		model.addAttribute("active", "transfers");
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam(name = "destino", required = false) @Nullable String kind, Model model) {
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", Map.of("destination", "otra".equals(kind) ? "other" : "own"));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		List<Account> own = this.accounts.ofCustomer(customer.customerId());
		model.addAttribute("accounts", own);
		model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
		model.addAttribute("dailyLimit", this.transfers.dailyLimit());
		model.addAttribute("leftToday", this.transfers.leftToday(customer.customerId()));
		model.addAttribute("recent", this.transfers.recent(customer.customerId(), 5));
		return "transfer/form";
	}

	@PostMapping
	String submit(@AuthenticationPrincipal SignedInCustomer customer,
			@RequestParam Map<String, String> form, HttpServletRequest request, Locale locale, Model model) {
		boolean own = !"other".equals(form.get("destination"));
		String toAccount = own ? accountNumber(customer, form.get("toOwnAccount")) : form.get("toAccount");
		TransferRequest transfer = new TransferRequest(form.get("fromAccount"), toAccount, form.get("amount"),
				form.get("description"), form.get("idempotencyKey"));
		TransferPreparation preparation = this.transfers.prepare(customer.userId(), customer.customerId(), transfer,
				ClientContext.of(request), locale);
		switch (preparation.kind()) {
			case CREATED, EXISTING -> {
				return "redirect:/banca/transferencias/" + preparation.transfer().id();
			}
			case CONFLICT -> {
				model.addAttribute("error", "transfer.idempotency-key.conflict");
				model.addAttribute("values", values(form));
				model.addAttribute("errors", Map.of());
				return form(customer, null, model);
			}
			default -> {
				Map<String, String> errors = new HashMap<>(preparation.fieldErrors());
				if (own && errors.containsKey("toAccount")) {
					errors.put("toOwnAccount", errors.remove("toAccount"));
				}
				model.addAttribute("error", "form.errors");
				model.addAttribute("values", values(form));
				model.addAttribute("errors", errors);
				return form(customer, null, model);
			}
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable String id, Locale locale,
			Model model) {
		Optional<TransferView> transfer = parse(id).flatMap(uuid -> this.transfers.find(uuid, customer.customerId()));
		if (transfer.isEmpty()) {
			return "redirect:/banca/transferencias";
		}
		model.addAttribute("transfer", transfer.get());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (transfer.get().awaiting()) {
			Instant expires = transfer.get().authorizationExpiresAt();
			model.addAttribute("expiresAtText", expires == null ? "" : this.formats.dateTime(expires, locale));
			return "transfer/confirm";
		}
		return "transfer/receipt";
	}

	@PostMapping("/{id}/autorizacion")
	String authorize(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable String id,
			@RequestParam(name = "code", required = false) @Nullable String code, HttpServletRequest request,
			Locale locale, Model model, RedirectAttributes redirect) {
		Optional<UUID> uuid = parse(id);
		if (uuid.isEmpty()) {
			return "redirect:/banca/transferencias";
		}
		String typed = code == null ? "" : code.strip();
		if (!typed.matches("[0-9]{6,8}")) {
			model.addAttribute("errors", Map.of("code", "transfer.code.format"));
			return show(customer, id, locale, model);
		}
		TransferOutcome outcome = this.transfers.confirm(uuid.get(), customer.userId(), customer.customerId(), typed,
				ClientContext.of(request), locale);
		switch (outcome.kind()) {
			case DONE -> {
				redirect.addFlashAttribute("notice", "transfer.done");
				return "redirect:/banca/transferencias/" + id;
			}
			case WRONG_CODE -> {
				model.addAttribute("errors", Map.of("code", outcome.messageKey()));
				model.addAttribute("attemptsLeft", outcome.attemptsLeft());
				return show(customer, id, locale, model);
			}
			case UNKNOWN -> {
				return "redirect:/banca/transferencias";
			}
			default -> {
				redirect.addFlashAttribute("error", outcome.messageKey());
				return "redirect:/banca/transferencias/" + id;
			}
		}
	}

	@PostMapping("/{id}/clave-temporal")
	String resendKey(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable String id, Locale locale,
			RedirectAttributes redirect) {
		Optional<UUID> uuid = parse(id);
		if (uuid.isEmpty()) {
			return "redirect:/banca/transferencias";
		}
		KeyIssue issue = this.transfers.resendKey(uuid.get(), customer.userId(), customer.customerId(), locale);
		redirect.addFlashAttribute(issue.outcome() == KeyIssue.Outcome.ISSUED ? "notice" : "error",
				switch (issue.outcome()) {
					case ISSUED -> "transfer.key.resent";
					case COOL_DOWN -> "transfer.key.cool-down";
					default -> "transfer.key.limit";
				});
		return "redirect:/banca/transferencias/" + id;
	}

	private @Nullable String accountNumber(SignedInCustomer customer, @Nullable String accountId) {
		if (accountId == null || !accountId.strip().matches("[0-9]{1,18}")) {
			return null;
		}
		return this.accounts.findOwned(customer.customerId(), Long.parseLong(accountId.strip()))
			.map(Account::number)
			.orElse(null);
	}

	private static Map<String, String> values(Map<String, String> form) {
		Map<String, String> values = new HashMap<>();
		for (String field : List.of("fromAccount", "toOwnAccount", "toAccount", "amount", "description",
				"destination")) {
			String value = form.get(field);
			if (value != null && value.length() <= 100) {
				values.put(field, value);
			}
		}
		return values;
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
