package io.clave.server.authorization.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.authorization.AuthorizationCheck;
import io.clave.server.authorization.AuthorizationStarted;
import io.clave.server.authorization.Authorizations;
import io.clave.server.authorization.Operation;
import io.clave.server.authorization.OperationKind;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.problems.ProblemSupport;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Authorisation of an operation for the bank's other channels (the mobile app, a cardless cash withdrawal request):
 * create it with the operation's amount and destination, verify the customer's code, and let the operation consume
 * the single-use reference the verification answers.
 */
@RestController
@RequestMapping("/api/v1/me/authorizations")
@Tag(name = "Operation authorisations", description = "Strong customer authentication with dynamic linking for "
		+ "the bank's other channels: the code is bound to the operation's amount and destination (the Token "
		+ "digital's OCRA signing code over them, or a clave temporal whose SMS names them). Send the session in "
		+ "X-Auth-Token. Errors are RFC 9457 problem details.")
@SecurityRequirement(name = "X-Auth-Token")
class AuthorizationApi {

	private final Authorizations authorizations;

	private final AuthorizationProblems problems;

	AuthorizationApi(Authorizations authorizations, AuthorizationProblems problems) {
		this.authorizations = authorizations;
		this.problems = problems;
	}

	record OperationBody(@Nullable String operation, @Nullable String amount, @Nullable String currency,
			@Nullable String destination) {

		Optional<Operation> parse() {
			try {
				OperationKind kind = OperationKind.valueOf(this.operation == null ? "" : this.operation.strip());
				String value = this.amount == null ? "" : this.amount.strip();
				if (!value.matches("[0-9]{1,10}(\\.[0-9]{1,2})?")) {
					return Optional.empty();
				}
				return Optional.of(new Operation(kind, new BigDecimal(value),
						this.currency == null ? "USD" : this.currency.strip(),
						this.destination == null ? "" : this.destination.strip()));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}

	}

	record CodeBody(@Nullable String code) {
	}

	record ConsumptionBody(@Nullable String reference, @Nullable String operation, @Nullable String amount,
			@Nullable String currency, @Nullable String destination) {
	}

	record StartedJson(UUID id, String method, String operation, String amount, String currency, String destination,
			Instant expiresAt, @Nullable Instant nextKeyAt) {
	}

	record AuthorizedJson(UUID id, String reference, String state) {
	}

	record ConsumedJson(UUID id, String state) {
	}

	@PostMapping
	@io.swagger.v3.oas.annotations.Operation(summary = "Open an authorisation for an operation", description = "Body: "
			+ "operation (TRANSFER, CARDLESS_WITHDRAWAL, PAYMENT), amount (decimal string), currency (USD by "
			+ "default), destination (1–20 digits: an account or a phone). `method` SOFT_TOKEN: the customer signs "
			+ "amount and destination in the Token digital; SMS_KEY: a clave temporal naming them was sent.")
	@ApiResponse(responseCode = "201", description = "Waiting for the code")
	ResponseEntity<?> start(@AuthenticationPrincipal SignedInCustomer customer, @RequestBody OperationBody body,
			HttpServletRequest request) {
		Optional<Operation> operation = body.parse();
		if (operation.isEmpty()) {
			return this.problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "authorization.api.operation", request);
		}
		AuthorizationStarted started = this.authorizations.start(customer.userId(), operation.get(),
				ClientContext.of(request), ProblemSupport.locale(request));
		Operation op = started.operation();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new StartedJson(started.id(), started.method().name(), op.kind().name(),
					op.amount().toPlainString(), op.currency(), op.destination(), started.expiresAt(),
					started.nextKeyAt()));
	}

	@PostMapping("/{id}/verification")
	@io.swagger.v3.oas.annotations.Operation(summary = "Verify the code", description = "200 with the single-use "
			+ "`reference` (shown once), 422 for a wrong or replayed code (`attemptsLeft`), 423 when the Token digital "
			+ "is locked, 409 when it was authorised already, 410 when it is over (expired, refused, unknown).")
	ResponseEntity<?> verify(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable UUID id,
			@RequestBody CodeBody body, HttpServletRequest request) {
		String code = body.code() == null ? "" : body.code().strip();
		if (!code.matches("[0-9]{6,8}")) {
			return this.problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "authorization.api.code-wrong", request);
		}
		AuthorizationCheck check = this.authorizations.verify(id, customer.userId(), code, ClientContext.of(request));
		return switch (check.outcome()) {
			case AUTHORIZED -> ResponseEntity.ok(new AuthorizedJson(id, check.reference(), "AUTHORIZED"));
			case WRONG -> this.problems.wrongCode("authorization.api.code-wrong", check.attemptsLeft(), request);
			case REPLAYED -> this.problems.wrongCode("authorization.api.replayed", check.attemptsLeft(), request);
			case TOKEN_LOCKED -> this.problems.of(HttpStatus.LOCKED, "authorization.api.token-locked", request);
			case ALREADY_AUTHORIZED -> this.problems.of(HttpStatus.CONFLICT, "authorization.api.over", request);
			case OVER -> this.problems.of(HttpStatus.GONE, "authorization.api.over", request);
		};
	}

	@PostMapping("/{id}/key")
	@io.swagger.v3.oas.annotations.Operation(summary = "Send a new clave temporal (SMS_KEY authorisations only)")
	ResponseEntity<?> resend(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable UUID id,
			HttpServletRequest request) {
		Locale locale = ProblemSupport.locale(request);
		var issue = this.authorizations.resendKey(id, customer.userId(), locale);
		return switch (issue.outcome()) {
			case ISSUED -> ResponseEntity.noContent().build();
			case COOL_DOWN -> this.problems.of(HttpStatus.TOO_MANY_REQUESTS, "transfer.key.cool-down", request);
			default -> this.problems.of(HttpStatus.GONE, "authorization.api.over", request);
		};
	}

	@PostMapping("/consumption")
	@io.swagger.v3.oas.annotations.Operation(summary = "The operation consumes its authorisation", description = "Body: "
			+ "the reference and the operation exactly as authorised. 200 once; 409 for an unknown, used, expired or "
			+ "different reference.")
	ResponseEntity<?> consume(@AuthenticationPrincipal SignedInCustomer customer, @RequestBody ConsumptionBody body,
			HttpServletRequest request) {
		Optional<Operation> operation = new OperationBody(body.operation(), body.amount(), body.currency(),
				body.destination()).parse();
		if (operation.isEmpty() || body.reference() == null || body.reference().length() > 64) {
			return this.problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "authorization.api.operation", request);
		}
		Optional<UUID> consumed = this.authorizations.consumeReference(customer.userId(), body.reference(),
				operation.get(), ClientContext.of(request));
		return consumed.<ResponseEntity<?>>map(id -> ResponseEntity.ok(new ConsumedJson(id, "CONSUMED")))
			.orElseGet(() -> this.problems.of(HttpStatus.CONFLICT, "authorization.api.not-consumable", request));
	}

}
