package io.clave.server.transfer.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.login.SignedInCustomer;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.Masks;
import io.clave.server.shared.problems.ProblemSupport;
import io.clave.server.transfer.TransferOutcome;
import io.clave.server.transfer.TransferPreparation;
import io.clave.server.transfer.TransferRequest;
import io.clave.server.transfer.TransferView;
import io.clave.server.transfer.Transfers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfers for the bank's mobile app, the same flow as the pages: POST a transfer with an {@code Idempotency-Key}
 * header (the same key sent again answers the transfer filed the first time), then POST its authorisation code.
 * Money travels as a decimal string.
 */
@RestController
@RequestMapping("/api/v1/me/transfers")
@Tag(name = "Transfers", description = "Transfers between the customer's accounts and to other customers' accounts "
		+ "of the bank, authorised with the Token digital's signing code (OCRA over destination and amount) or a clave "
		+ "temporal whose SMS names them. Send the session in X-Auth-Token. Errors are RFC 9457 problem details.")
@SecurityRequirement(name = "X-Auth-Token")
class TransferApi {

	private final Transfers transfers;

	private final TransferProblems problems;

	TransferApi(Transfers transfers, TransferProblems problems) {
		this.transfers = transfers;
		this.problems = problems;
	}

	record TransferBody(@Nullable String fromAccountId, @Nullable String toAccount, @Nullable String amount,
			@Nullable String description) {
	}

	record CodeBody(@Nullable String code) {
	}

	record TransferJson(UUID id, String reference, String state, @Nullable String refusal, String fromAccount,
			String toAccount, String toHolder, boolean ownAccount, String amount, String currency, String description,
			@Nullable String authorizationMethod, @Nullable Instant authorizationExpiresAt,
			@Nullable String signingDestination, Instant createdAt, @Nullable Instant executedAt,
			@Nullable String fromBalance) {

		static TransferJson of(TransferView view) {
			return new TransferJson(view.id(), view.reference(), view.state(), view.refusal(),
					Masks.accountNumber(view.fromAccount()), Masks.accountNumber(view.toAccount()), view.toHolder(),
					view.own(), view.amount().toPlainString(), view.currency(), view.description(),
					view.method() == null ? null : view.method().name(), view.authorizationExpiresAt(),
					view.awaiting() ? view.signingDestination() : null, view.createdAt(), view.executedAt(),
					view.done() ? view.fromBalance().toPlainString() : null);
		}

	}

	@PostMapping
	@Operation(summary = "Ask for a transfer", description = "Checks it and files it with an authorisation waiting for "
			+ "its code (`authorizationMethod`: SOFT_TOKEN — sign amount and `signingDestination` in the app — or "
			+ "SMS_KEY — a clave temporal was sent). 201 for a new transfer, 200 for the one filed before under the "
			+ "same Idempotency-Key, 409 when that key was used for a different transfer, 422 with `errors` per field.")
	@ApiResponse(responseCode = "201", description = "Filed, awaiting authorisation")
	ResponseEntity<?> create(@AuthenticationPrincipal SignedInCustomer customer,
			@Parameter(description = "8 to 64 of A-Z a-z 0-9 - _, new for each transfer") @RequestHeader("Idempotency-Key") String key,
			@RequestBody TransferBody body, HttpServletRequest request) {
		TransferPreparation preparation = this.transfers.prepare(customer.userId(), customer.customerId(),
				new TransferRequest(body.fromAccountId(), body.toAccount(), body.amount(), body.description(), key),
				ClientContext.of(request), ProblemSupport.locale(request));
		return switch (preparation.kind()) {
			case CREATED -> ResponseEntity.status(HttpStatus.CREATED).body(TransferJson.of(preparation.transfer()));
			case EXISTING -> ResponseEntity.ok(TransferJson.of(preparation.transfer()));
			case CONFLICT -> this.problems.of(HttpStatus.CONFLICT, "transfer.idempotency-key.conflict", request);
			case REJECTED -> preparation.fieldErrors().containsKey("idempotencyKey")
					? this.problems.of(HttpStatus.BAD_REQUEST, "transfer.api.idempotency-key", request)
					: this.problems.fields(preparation.fieldErrors(), request);
		};
	}

	@GetMapping
	@Operation(summary = "The customer's latest transfers, newest first (at most 20)")
	List<TransferJson> recent(@AuthenticationPrincipal SignedInCustomer customer) {
		return this.transfers.recent(customer.customerId(), 20).stream().map(TransferJson::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One transfer of the customer; 404 for an unknown one and for another customer's alike")
	ResponseEntity<?> one(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable UUID id,
			HttpServletRequest request) {
		Optional<TransferView> view = this.transfers.find(id, customer.customerId());
		return view.<ResponseEntity<?>>map(v -> ResponseEntity.ok(TransferJson.of(v)))
			.orElseGet(() -> this.problems.of(HttpStatus.NOT_FOUND, "transfer.unknown", request));
	}

	@PostMapping("/{id}/authorization")
	@Operation(summary = "Authorise the transfer with its code and run it", description = "200 with state DONE (also "
			+ "for a transfer done by an earlier call: it runs once), 422 for a wrong code (`attemptsLeft`), 423 when "
			+ "the Token digital is locked, 409 when it was refused for good (`refusal`: balance, daily limit, "
			+ "authorisation over), 404 for an unknown transfer.")
	ResponseEntity<?> authorize(@AuthenticationPrincipal SignedInCustomer customer, @PathVariable UUID id,
			@RequestBody CodeBody body, HttpServletRequest request) {
		String code = body.code() == null ? "" : body.code().strip();
		if (!code.matches("[0-9]{6,8}")) {
			return this.problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "transfer.code.format", request);
		}
		Locale locale = ProblemSupport.locale(request);
		TransferOutcome outcome = this.transfers.confirm(id, customer.userId(), customer.customerId(), code,
				ClientContext.of(request), locale);
		return switch (outcome.kind()) {
			case DONE -> ResponseEntity.ok(TransferJson.of(outcome.transfer()));
			case WRONG_CODE -> this.problems.wrongCode("transfer.code.wrong", outcome.attemptsLeft(), request);
			case TOKEN_LOCKED -> this.problems.of(HttpStatus.LOCKED, "transfer.code.token-locked", request);
			case REFUSED -> this.problems.of(HttpStatus.CONFLICT, outcome.messageKey(), request);
			case UNKNOWN -> this.problems.of(HttpStatus.NOT_FOUND, "transfer.unknown", request);
		};
	}

}
