package io.clave.server.banking.web;

import io.clave.server.banking.BankingHome;
import io.clave.server.banking.HomeView;
import io.clave.server.login.SignedInCustomer;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in home and what its menu leads to: accounts, an account's last movements, cards, and Servicios
 * Bancarios › Segundo Factor Seguridad. Thin: {@link BankingHome} decides what the customer may see.
 */
@Controller
@RequestMapping("/banca")
class BankingPages {

	private final BankingHome banking;

	BankingPages(BankingHome banking) {
		this.banking = banking;
	}

	@GetMapping
	String home(@AuthenticationPrincipal SignedInCustomer customer, Model model) {
		HomeView home = this.banking.home(customer);
		model.addAttribute("home", home);
		model.addAttribute("previousLogin", home.previousLogin().orElse(null));
		model.addAttribute("active", "home");
		return "banking/home";
	}

	@GetMapping("/cuentas")
	String accounts(@AuthenticationPrincipal SignedInCustomer customer, Model model) {
		model.addAttribute("home", this.banking.home(customer));
		model.addAttribute("active", "accounts");
		return "banking/accounts";
	}

	/** Another customer's account is answered like one that does not exist: 404, whatever the id. */
	@GetMapping("/cuentas/{accountId}")
	String movements(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable String accountId,
			Model model) {
		long id = parseId(accountId);
		model.addAttribute("statement", this.banking.statement(customer.customerId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("active", "accounts");
		return "banking/movements";
	}

	@GetMapping("/tarjetas")
	String cards(@AuthenticationPrincipal SignedInCustomer customer, Model model) {
		model.addAttribute("home", this.banking.home(customer));
		model.addAttribute("active", "cards");
		return "banking/cards";
	}

	@GetMapping("/servicios/segundo-factor")
	String secondFactor(@AuthenticationPrincipal SignedInCustomer customer, Model model) {
		model.addAttribute("factor", this.banking.secondFactor(customer.userId()));
		model.addAttribute("active", "second-factor");
		return "banking/second-factor";
	}

	private static long parseId(String raw) {
		if (raw.length() > 18 || !raw.matches("[0-9]+")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return Long.parseLong(raw);
	}

}
