package io.clave.server.login.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The pages of a session just opened: the Token digital prompt, and the keep-alive the timeout warning calls. */
@Controller
class SignedInSessionPages {

	/** Shown right after a login when the customer chose the Token digital and has not activated it. */
	@GetMapping("/banca/aviso-token")
	String tokenPrompt() {
		return "login/token-prompt";
	}

	/** "Seguir conectado": any signed-in request renews the idle timeout; this one does only that. */
	@PostMapping("/banca/sesion")
	ResponseEntity<Void> keepAlive() {
		return ResponseEntity.noContent().build();
	}

}
