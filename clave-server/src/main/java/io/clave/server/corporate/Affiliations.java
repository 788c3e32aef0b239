package io.clave.server.corporate;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corporate.CompanyUsers.NewCompanyUser;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.FieldErrors;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.shared.Ruc;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank's side of an affiliation: the signed form reaches the bank and an operator registers the company and its
 * administrator, which issues the administrator's temporary credentials (username by e-mail, password by SMS).
 * The operator may issue new temporary credentials to a user who has not yet created the definitive ones.
 */
@Service
public class Affiliations {

	private static final int LEGAL_NAME_LENGTH = 120;

	private final Companies companies;

	private final CompanyUsers users;

	private final TemporaryCredentials credentials;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Affiliations(Companies companies, CompanyUsers users, TemporaryCredentials credentials, AuditTrail audit,
			TransactionTemplate transactions, Clock clock) {
		this.companies = companies;
		this.users = users;
		this.credentials = credentials;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Registers the company and its administrator; nothing is written when a field is refused or the RUC is
	 * affiliated already.
	 * @param registeredBy who registers it, for the records and the audit trail: {@code operator:<uuid>}
	 */
	public AffiliationOutcome register(AffiliationForm form, String registeredBy, ClientContext client,
			Locale locale) {
		FieldErrors errors = new FieldErrors();
		String rucText = errors.digits("ruc", form.ruc(), 13, 13, "corporate.company.ruc.invalid");
		Optional<Ruc> ruc = rucText == null ? Optional.empty() : Ruc.parse(rucText);
		if (rucText != null && ruc.isEmpty()) {
			errors.reject("ruc", "corporate.company.ruc.invalid");
		}
		String legalName = errors.text("legalName", form.legalName(), LEGAL_NAME_LENGTH);
		if (!form.corporate() && !form.merchant()) {
			errors.reject("profiles", "corporate.company.profiles.required");
		}
		Optional<IdentityDocument> document = CompanyUserFields.document(errors, form.documentType(),
				form.documentNumber());
		String firstNames = CompanyUserFields.name(errors, "firstNames", form.firstNames());
		String lastNames = CompanyUserFields.name(errors, "lastNames", form.lastNames());
		Optional<EmailAddress> email = CompanyUserFields.email(errors, form.email());
		Optional<PhoneNumber> mobile = CompanyUserFields.mobile(errors, form.mobile());
		if (errors.any() || ruc.isEmpty() || legalName == null || document.isEmpty() || firstNames == null
				|| lastNames == null || email.isEmpty() || mobile.isEmpty()) {
			return new AffiliationOutcome(AffiliationOutcome.Kind.REJECTED, null, null, null, errors.asMap());
		}
		ProfileSet profiles = ProfileSet.of(form.corporate(), form.merchant());
		AffiliationOutcome outcome = this.transactions.execute(status -> {
			Optional<Long> companyId = this.companies.register(ruc.get(), legalName, profiles, registeredBy,
					this.clock.instant());
			if (companyId.isEmpty()) {
				return new AffiliationOutcome(AffiliationOutcome.Kind.ALREADY_AFFILIATED, null, null, null,
						Map.of("ruc", "corporate.company.ruc.taken"));
			}
			UUID administrator = this.credentials.issueToNewUser(new NewCompanyUser(companyId.get(),
					CompanyRole.ADMIN, document.get(), firstNames, lastNames, email.get(), mobile.get(), profiles),
					registeredBy, locale);
			CompanyUser admin = this.users.findById(administrator).orElseThrow();
			return new AffiliationOutcome(AffiliationOutcome.Kind.REGISTERED, companyId.get(), administrator,
					admin.credentialsExpireAt(), Map.of());
		});
		if (outcome.kind() == AffiliationOutcome.Kind.REGISTERED) {
			this.audit.record(AuditEvent.success("CORPORATE_AFFILIATION", registeredBy, client)
				.with("company", Long.toString(outcome.companyId()))
				.with("administrator", "company-user:" + outcome.administratorId())
				.with("profiles", profiles.name()));
		}
		else {
			this.audit.record(AuditEvent.failure("CORPORATE_AFFILIATION", registeredBy, client, "ruc-affiliated"));
		}
		return outcome;
	}

	/**
	 * New temporary credentials for a company user who has not created the definitive ones (an operator's action);
	 * empty when the user does not exist, was deleted or already has definitive credentials.
	 */
	public Optional<java.time.Instant> reissueTemporaryCredentials(UUID userId, String issuedBy, ClientContext client,
			Locale locale) {
		Optional<java.time.Instant> expires = this.transactions.execute(status -> this.users.lock(userId)
			.filter(CompanyUser::temporary)
			.map(user -> this.credentials.reissue(user, locale)));
		this.audit.record(expires.isPresent()
				? AuditEvent.success("CORPORATE_CREDENTIALS_REISSUED", "company-user:" + userId, client)
					.with("by", issuedBy)
				: AuditEvent.failure("CORPORATE_CREDENTIALS_REISSUED", "company-user:" + userId, client,
						"not-temporary").with("by", issuedBy));
		return expires;
	}

}
