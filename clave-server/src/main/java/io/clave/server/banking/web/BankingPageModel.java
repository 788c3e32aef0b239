package io.clave.server.banking.web;

import io.clave.server.shared.BankSettings;
import io.clave.server.shared.Formats;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every signed-in page of this module needs besides the shell's model: the formats. */
@ControllerAdvice(assignableTypes = { BankingPages.class, ProfilePages.class })
class BankingPageModel {

	private final Formats formats;

	BankingPageModel(MessageSource messages, BankSettings bank) {
		this.formats = new Formats(messages, bank);
	}

	@ModelAttribute("fmt")
	Formats formats() {
		return this.formats;
	}

}
