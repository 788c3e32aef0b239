package io.clave.server.notification;

import io.clave.server.shared.BankSettings;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The demo message log as a page and as JSON; absent unless {@code clave.demo.message-log=true}. */
@Controller
@ConditionalOnBooleanProperty(DemoMessageLog.ENABLED)
class DemoMessagesController {

	private final DemoMessageLog messages;

	private final BankSettings bank;

	DemoMessagesController(DemoMessageLog messages, BankSettings bank) {
		this.messages = messages;
		this.bank = bank;
	}

	@GetMapping("/demo/mensajes")
	String page(Model model) {
		model.addAttribute("messages", this.messages.latest());
		model.addAttribute("zone", this.bank.timeZone());
		model.addAttribute("bank", this.bank.name());
		return "demo/messages";
	}

	@GetMapping("/api/demo/messages")
	@ResponseBody
	List<DeliveredMessage> json() {
		return this.messages.latest();
	}

}
