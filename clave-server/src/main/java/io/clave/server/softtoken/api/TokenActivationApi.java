package io.clave.server.softtoken.api;

import java.util.UUID;

import io.clave.server.shared.ClientContext;
import io.clave.server.softtoken.ActivationCompletion;
import io.clave.server.softtoken.SoftTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The call the Token digital app makes to finish its activation (docs/token-protocol.md, section 2). */
@RestController
@Tag(name = "Token digital", description = "The soft-token app's activation. The binding key comes from the QR code, "
		+ "the activation code from the SMS; the seeds are answered once.")
class TokenActivationApi {

	private final SoftTokens tokens;

	private final TokenActivationProblems problems;

	TokenActivationApi(SoftTokens tokens, TokenActivationProblems problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	record CompleteRequest(@Nullable String bindingKey, @Nullable String activationCode, @Nullable String deviceName) {

		@Override
		public String toString() {
			return "CompleteRequest[masked]";
		}

	}

	record Totp(String algorithm, int digits, int period) {
	}

	record CompletedResponse(UUID tokenId, String issuer, String seed, Totp totp, String signingSuite,
			String unlockSeed, String unlockSuite) {

		@Override
		public String toString() {
			return "CompletedResponse[" + this.tokenId + "]";
		}

	}

	@Operation(summary = "Complete an activation", description = "201 with the seeds; 422 token.activation.code-wrong "
			+ "with attemptsLeft; 410 token.activation.over for an unknown, expired, used or exhausted activation or a "
			+ "wrong binding key.")
	@PostMapping("/api/v1/token-activations/{id}")
	ResponseEntity<?> complete(@PathVariable UUID id, @RequestBody CompleteRequest body, HttpServletRequest request) {
		String bindingKey = body.bindingKey() == null ? "" : body.bindingKey();
		String code = body.activationCode() == null ? "" : body.activationCode();
		if (!code.strip().matches("\\d{8}") || bindingKey.isBlank() || bindingKey.length() > 64) {
			return this.problems.badRequest(request);
		}
		ActivationCompletion completion = this.tokens.completeActivation(id, bindingKey, code,
				body.deviceName() == null ? "" : body.deviceName(),
				ClientContext.of(request));
		return switch (completion.outcome()) {
			case CREATED -> ResponseEntity.status(HttpStatus.CREATED)
				.body(new CompletedResponse(completion.tokenId(), this.tokens.issuer(), completion.seed(),
						new Totp("SHA1", 6, 30), SoftTokens.SIGNING_SUITE, completion.unlockSeed(),
						SoftTokens.UNLOCK_SUITE));
			case WRONG_CODE -> this.problems.wrongCode(completion.attemptsLeft(), request);
			case OVER -> this.problems.over(request);
		};
	}


}
