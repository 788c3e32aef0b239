package io.clave.server.corporate.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.corporate.AdministrationOutcome;
import io.clave.server.corporate.CompanyUser;
import io.clave.server.corporate.CompanyUserAdministration;
import io.clave.server.corporate.CompanyUserForm;
import io.clave.server.corporate.CompanyUsers;
import io.clave.server.corporate.PendingUserChange;
import io.clave.server.corporate.SignedInCompanyUser;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.problems.ProblemSupport;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company administrator's management of the company's users as JSON, the same rules as the pages: adding a user
 * and changing a user's e-mail or mobile wait for the clave temporal sent by SMS to the administrator (202 with the
 * change's id, then POST its confirmation); other edits apply at once. Another company's user or change answers 404
 * exactly like an unknown id, and nothing changes.
 */
@RestController
@RequestMapping("/api/v1/corporate/me/users")
@Tag(name = "Corporate users", description = "The company administrator's management of the company's users "
		+ "(Administración de perfiles de usuario). Administrators only; send the session in X-Auth-Token. Errors are "
		+ "RFC 9457 problem details.")
@SecurityRequirement(name = "X-Auth-Token")
class UserAdministrationApi {

	private final CompanyUserAdministration administration;

	private final UserAdministrationProblems problems;

	UserAdministrationApi(CompanyUserAdministration administration, UserAdministrationProblems problems) {
		this.administration = administration;
		this.problems = problems;
	}

	record UserBody(@Nullable String documentType, @Nullable String documentNumber, @Nullable String firstNames,
			@Nullable String lastNames, @Nullable String email, @Nullable String mobile, @Nullable Boolean corporate,
			@Nullable Boolean merchant, @Nullable String role) {

		CompanyUserForm form() {
			return new CompanyUserForm(this.documentType, this.documentNumber, this.firstNames, this.lastNames,
					this.email, this.mobile, Boolean.TRUE.equals(this.corporate), Boolean.TRUE.equals(this.merchant),
					this.role);
		}

	}

	record KeyBody(@Nullable String key) {
	}

	record UserJson(UUID id, String role, String documentType, String documentNumber, String firstNames,
			String lastNames, String email, String mobile, String profiles, String state, @Nullable String username,
			@Nullable Instant credentialsExpireAt, Instant createdAt) {

		static UserJson of(CompanyUser user) {
			return new UserJson(user.id(), user.role().name(), user.document().type().name(), user.document().number(),
					user.firstNames(), user.lastNames(), user.email().value(), user.mobile().value(),
					user.profiles().name(), user.state(), user.temporary() ? null : user.username(),
					user.credentialsExpireAt(), user.createdAt());
		}

	}

	record PageJson(List<UserJson> users, int page, int size, long total, int pages) {
	}

	record ChangeJson(UUID changeId, String kind, @Nullable UUID userId, List<String> changedFields,
			boolean keySent, Instant expiresAt) {

		static ChangeJson of(PendingUserChange change) {
			return new ChangeJson(change.id(), change.kind().name(), change.targetId(), change.changedFields(),
					change.keyRequired(), change.expiresAt());
		}

	}

	@GetMapping
	@Operation(summary = "The company's users, administrators first", description = "Pages count from 0; the search "
			+ "matches names, username and document number.")
	PageJson list(@AuthenticationPrincipal SignedInCompanyUser admin,
			@RequestParam(name = "page", required = false, defaultValue = "0") int page,
			@RequestParam(name = "search", required = false) @Nullable String search) {
		CompanyUsers.Page users = this.administration.list(admin, search, page);
		return new PageJson(users.users().stream().map(UserJson::of).toList(), users.number(), users.size(),
				users.total(), users.pages());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One user of the company; 404 for an unknown id and another company's user alike")
	ResponseEntity<?> one(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable UUID id,
			HttpServletRequest request) {
		Optional<CompanyUser> user = this.administration.find(admin, id);
		return user.<ResponseEntity<?>>map(found -> ResponseEntity.ok(UserJson.of(found)))
			.orElseGet(() -> this.problems.of(HttpStatus.NOT_FOUND, "corporate.users.unknown", request));
	}

	@PostMapping
	@Operation(summary = "Add a user", description = "Checks the user and sends a clave temporal by SMS to the "
			+ "administrator: 202 with the change to confirm at /changes/{changeId}/confirmation. 422 with `errors` "
			+ "per field.")
	@ApiResponse(responseCode = "202", description = "Waiting for the clave temporal")
	ResponseEntity<?> add(@AuthenticationPrincipal SignedInCompanyUser admin, @RequestBody UserBody body,
			HttpServletRequest request) {
		return filed(this.administration.add(admin, body.form(), ClientContext.of(request),
				ProblemSupport.locale(request)), request);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a user", description = "Every field but the identity document (sending another "
			+ "document answers 409 and changes nothing). A change of e-mail or mobile answers 202 and waits for the "
			+ "clave temporal sent to the administrator; any other change applies at once (200). 409 when it would "
			+ "demote oneself or leave the company without an administrator.")
	ResponseEntity<?> edit(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable UUID id,
			@RequestBody UserBody body, HttpServletRequest request) {
		Locale locale = ProblemSupport.locale(request);
		AdministrationOutcome outcome = this.administration.edit(admin, id, body.form(), ClientContext.of(request),
				locale);
		if (outcome.kind() == AdministrationOutcome.Kind.NO_CHANGES) {
			return this.administration.find(admin, id)
				.<ResponseEntity<?>>map(user -> ResponseEntity.ok(UserJson.of(user)))
				.orElseGet(() -> this.problems.of(HttpStatus.NOT_FOUND, "corporate.users.unknown", request));
		}
		if (outcome.kind() == AdministrationOutcome.Kind.PENDING && outcome.change() != null
				&& !outcome.change().keyRequired()) {
			return confirmed(this.administration.confirm(admin, outcome.change().id(), null, ClientContext.of(request),
					locale), request);
		}
		return filed(outcome, request);
	}

	@PostMapping("/changes/{changeId}/confirmation")
	@Operation(summary = "Confirm a change with the clave temporal", description = "201 with the new user, or 200 with "
			+ "the edited one. 422 for a wrong key (`attemptsLeft`), 410 for a key that expired (ask a new one) or a "
			+ "change that can no longer be confirmed, 409 when a rule refuses it now, 404 for an unknown change.")
	ResponseEntity<?> confirm(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable UUID changeId,
			@RequestBody KeyBody body, HttpServletRequest request) {
		return confirmed(this.administration.confirm(admin, changeId, body.key(), ClientContext.of(request),
				ProblemSupport.locale(request)), request);
	}

	@PostMapping("/changes/{changeId}/key")
	@Operation(summary = "Send a new clave temporal for a change", description = "202; 429 during the cool-down; 410 "
			+ "when no key is left or the change is over.")
	ResponseEntity<?> resendKey(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable UUID changeId,
			HttpServletRequest request) {
		KeyIssue issue = this.administration.resendKey(admin, changeId, ProblemSupport.locale(request));
		return switch (issue.outcome()) {
			case ISSUED -> ResponseEntity.accepted().build();
			case COOL_DOWN -> this.problems.of(HttpStatus.TOO_MANY_REQUESTS, "corporate.users.key.cool-down", request);
			default -> this.problems.of(HttpStatus.GONE, "corporate.users.key.limit", request);
		};
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a user", description = "Ends the user's sessions at once; the record stays for the "
			+ "audit trail. 204; 409 for oneself or the last administrator; 404 for an unknown id.")
	ResponseEntity<?> delete(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable UUID id,
			HttpServletRequest request) {
		AdministrationOutcome outcome = this.administration.delete(admin, id, ClientContext.of(request),
				ProblemSupport.locale(request));
		return outcome.kind() == AdministrationOutcome.Kind.DONE ? ResponseEntity.noContent().build()
				: refusal(outcome, request);
	}

	@PostMapping("/{id}/temporary-credentials")
	@Operation(summary = "New temporary credentials for a user who has not yet created the definitive ones",
			description = "202; 409 when the user already has definitive credentials; 404 for an unknown id.")
	ResponseEntity<?> reissue(@AuthenticationPrincipal SignedInCompanyUser admin, @PathVariable UUID id,
			@Parameter(hidden = true) HttpServletRequest request) {
		AdministrationOutcome outcome = this.administration.reissueTemporaryCredentials(admin, id,
				ClientContext.of(request), ProblemSupport.locale(request));
		return outcome.kind() == AdministrationOutcome.Kind.DONE ? ResponseEntity.accepted().build()
				: refusal(outcome, request);
	}

	private ResponseEntity<?> filed(AdministrationOutcome outcome, HttpServletRequest request) {
		if (outcome.kind() == AdministrationOutcome.Kind.PENDING && outcome.change() != null) {
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(ChangeJson.of(outcome.change()));
		}
		return refusal(outcome, request);
	}

	private ResponseEntity<?> confirmed(AdministrationOutcome outcome, HttpServletRequest request) {
		if (outcome.kind() == AdministrationOutcome.Kind.DONE && outcome.user() != null) {
			boolean added = outcome.change() != null && outcome.change().kind() == PendingUserChange.Kind.ADD;
			return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(UserJson.of(outcome.user()));
		}
		return refusal(outcome, request);
	}

	private ResponseEntity<?> refusal(AdministrationOutcome outcome, HttpServletRequest request) {
		String code = outcome.messageKey() == null ? "api.request.invalid" : outcome.messageKey();
		return switch (outcome.kind()) {
			case REJECTED -> this.problems.fields(HttpStatus.UNPROCESSABLE_CONTENT, code, outcome.fieldErrors(),
					request);
			case REFUSED -> "corporate.users.not-admin".equals(code) ? this.problems.of(HttpStatus.FORBIDDEN, code,
					request) : this.problems.fields(HttpStatus.CONFLICT, code, outcome.fieldErrors(), request);
			case UNKNOWN -> this.problems.of(HttpStatus.NOT_FOUND, code, request);
			case WRONG_KEY -> this.problems.wrongKey(code, outcome.attemptsLeft(), request);
			case KEY_EXPIRED, OVER -> this.problems.of(HttpStatus.GONE, code, request);
			default -> this.problems.of(HttpStatus.BAD_REQUEST, code, request);
		};
	}

}
