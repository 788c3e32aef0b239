package io.clave.server.web;

import io.clave.server.shared.BankSettings;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs. */
@ControllerAdvice
class PageModel {

	private final BankSettings bank;

	PageModel(BankSettings bank) {
		this.bank = bank;
	}

	@ModelAttribute("bank")
	BankSettings bank() {
		return this.bank;
	}

}
