package io.clave.server.corporate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corporate.CompanyUsers.NewCompanyUser;
import io.clave.server.corporate.PendingUserChange.Kind;
import io.clave.server.corporate.PendingUserChange.ProposedUser;
import io.clave.server.notification.Channels;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;
import io.clave.server.onetimekey.KeyCheck;
import io.clave.server.onetimekey.KeyIssue;
import io.clave.server.onetimekey.KeyPurpose;
import io.clave.server.onetimekey.OneTimeKeys;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.FieldErrors;
import io.clave.server.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Administración de perfiles de usuario": a company's administrator lists, adds, edits and deletes the company's
 * users. Every method takes the signed-in administrator and works only inside their company: users and changes are
 * looked up by the company's id together with the id the request carries, so another company's id reads as unknown
 * and changes nothing. The administrator's own record is read again at every action (a demoted or deleted
 * administrator's old session manages nothing).
 * <ul>
 * <li>The list shows every user of the company, administrators first and marked as such (an administrator may make
 * another user an administrator, or take that role away, so they must see them); additional users follow.</li>
 * <li>Adding a user and changing a user's e-mail or mobile are confirmed with a clave temporal sent by SMS to the
 * administrator; other edits with "Aceptar" only. The change waits in {@link CompanyUserChanges} meanwhile.</li>
 * <li>The identity document never changes; an administrator cannot delete or demote themselves; a company always keeps
 * at least one administrator (checked under the company's row lock).</li>
 * <li>Deleting a user ends their sessions at once and keeps the record for the audit trail.</li>
 * <li>Every change is an audit event naming the administrator ({@code by}), and the affected user is told.</li>
 * </ul>
 */
@Service
public class CompanyUserAdministration {

	private static final int SEARCH_LENGTH = 60;

	private static final Logger log = LoggerFactory.getLogger(CompanyUserAdministration.class);

	private final CompanyUsers users;

	private final Companies companies;

	private final CompanyUserChanges changes;

	private final TemporaryCredentials credentials;

	private final OneTimeKeys keys;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final CorporateSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CompanyUserAdministration(CompanyUsers users, Companies companies, CompanyUserChanges changes,
			TemporaryCredentials credentials, OneTimeKeys keys, Notifications notifications, AuditTrail audit,
			FindByIndexNameSessionRepository<? extends Session> sessions, CorporateSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.companies = companies;
		this.changes = changes;
		this.credentials = credentials;
		this.keys = keys;
		this.notifications = notifications;
		this.audit = audit;
		this.sessions = sessions;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	// ---- reading --------------------------------------------------------------------------------------------------

	/**
	 * A page of the company's users (not deleted), administrators first; the search matches names, username and
	 * document number. Empty when the signed-in user is no longer an administrator.
	 */
	public CompanyUsers.Page list(SignedInCompanyUser admin, @Nullable String search, int page) {
		int size = Math.max(1, this.settings.usersPerPage());
		if (actingAdmin(admin).isEmpty()) {
			return new CompanyUsers.Page(List.of(), 0, size, 0);
		}
		String text = search == null ? null : search.strip();
		if (text != null && text.length() > SEARCH_LENGTH) {
			text = text.substring(0, SEARCH_LENGTH);
		}
		int number = Math.max(0, Math.min(page, 100_000));
		return this.users.list(admin.companyId(), text, number, size);
	}

	/** One user of the company; empty for an unknown id and another company's user alike. */
	public Optional<CompanyUser> find(SignedInCompanyUser admin, UUID id) {
		return actingAdmin(admin).flatMap(me -> this.users.findInCompany(admin.companyId(), id));
	}

	/** The company the administrator manages (for the profiles a user may get). */
	public Optional<Company> company(SignedInCompanyUser admin) {
		return this.companies.findById(admin.companyId());
	}

	/** A change this administrator asked for; empty for anybody else's. */
	public Optional<PendingUserChange> change(SignedInCompanyUser admin, UUID changeId) {
		return this.changes.find(admin.companyId(), admin.userId(), changeId);
	}

	// ---- adding and editing: the change waits for its confirmation ------------------------------------------------

	/** Checks the new user and files the change; a clave temporal goes to the administrator's mobile. */
	public AdministrationOutcome add(SignedInCompanyUser admin, CompanyUserForm form, ClientContext client,
			Locale locale) {
		Optional<CompanyUser> me = actingAdmin(admin);
		if (me.isEmpty()) {
			return notAdmin(admin, "CORPORATE_USER_ADDED", client);
		}
		Company company = this.companies.findById(admin.companyId()).orElseThrow();
		FieldErrors errors = new FieldErrors();
		Optional<IdentityDocument> document = CompanyUserFields.document(errors, form.documentType(),
				form.documentNumber());
		Fields fields = fields(errors, form, company, CompanyRole.USER);
		if (document.isPresent() && this.users.documentTaken(admin.companyId(), document.get())) {
			errors.reject("documentNumber", "corporate.users.document.taken");
		}
		if (errors.any() || document.isEmpty() || fields == null) {
			return AdministrationOutcome.rejected(errors.asMap());
		}
		ProposedUser proposed = fields.proposed(document.get());
		return AdministrationOutcome.pending(file(admin, me.get(), Kind.ADD, null, proposed, List.of(), true, locale));
	}

	/**
	 * Checks an edit and files it: with a clave temporal to the administrator when the e-mail or the mobile changes,
	 * for "Aceptar" only otherwise. The identity document cannot change.
	 */
	public AdministrationOutcome edit(SignedInCompanyUser admin, UUID id, CompanyUserForm form, ClientContext client,
			Locale locale) {
		Optional<CompanyUser> me = actingAdmin(admin);
		if (me.isEmpty()) {
			return notAdmin(admin, "CORPORATE_USER_CHANGED", client);
		}
		Optional<CompanyUser> found = this.users.findInCompany(admin.companyId(), id);
		if (found.isEmpty()) {
			return AdministrationOutcome.unknown();
		}
		CompanyUser user = found.get();
		if (documentChangeAsked(user, form)) {
			refusal(admin, "CORPORATE_USER_CHANGED", user.id(), "document-change", client);
			return new AdministrationOutcome(AdministrationOutcome.Kind.REFUSED, null, null,
					"corporate.users.document.locked", Map.of("documentNumber", "corporate.users.document.locked"), 0);
		}
		Company company = this.companies.findById(admin.companyId()).orElseThrow();
		FieldErrors errors = new FieldErrors();
		Fields fields = fields(errors, form, company, user.role());
		if (errors.any() || fields == null) {
			return AdministrationOutcome.rejected(errors.asMap());
		}
		ProposedUser proposed = fields.proposed(user.document());
		List<String> changed = changedFields(user, proposed);
		if (changed.isEmpty()) {
			return AdministrationOutcome.of(AdministrationOutcome.Kind.NO_CHANGES, "corporate.users.edit.no-changes");
		}
		if (changed.contains("role") && user.id().equals(admin.userId())) {
			refusal(admin, "CORPORATE_USER_CHANGED", user.id(), "self-demotion", client);
			return AdministrationOutcome.of(AdministrationOutcome.Kind.REFUSED, "corporate.users.role.self");
		}
		if (changed.contains("role") && user.admin() && this.users.countAdmins(admin.companyId()) <= 1) {
			refusal(admin, "CORPORATE_USER_CHANGED", user.id(), "last-admin", client);
			return AdministrationOutcome.of(AdministrationOutcome.Kind.REFUSED, "corporate.users.last-admin");
		}
		boolean needsKey = changed.contains("email") || changed.contains("mobile");
		return AdministrationOutcome
			.pending(file(admin, me.get(), Kind.EDIT, user.id(), proposed, changed, needsKey, locale));
	}

	/** A new clave temporal for a change waiting for one. */
	public KeyIssue resendKey(SignedInCompanyUser admin, UUID changeId, Locale locale) {
		Optional<CompanyUser> me = actingAdmin(admin);
		Optional<PendingUserChange> change = this.changes.find(admin.companyId(), admin.userId(), changeId);
		if (me.isEmpty() || change.isEmpty() || !change.get().pending() || !change.get().keyRequired()
				|| !this.clock.instant().isBefore(change.get().expiresAt())) {
			return new KeyIssue(KeyIssue.Outcome.FLOW_ENDED, null, null);
		}
		return this.keys.issue(changeId, KeyPurpose.ADMIN_ACTION, recipient(me.get()), Channels.SMS, locale);
	}

	/**
	 * "Aceptar": checks the clave temporal when the change asks for one, then does the change after checking its rules
	 * again under the company's lock.
	 */
	public AdministrationOutcome confirm(SignedInCompanyUser admin, UUID changeId, @Nullable String key,
			ClientContext client, Locale locale) {
		Optional<CompanyUser> me = actingAdmin(admin);
		if (me.isEmpty()) {
			return notAdmin(admin, "CORPORATE_USER_CHANGE_CONFIRMED", client);
		}
		Optional<PendingUserChange> found = this.changes.find(admin.companyId(), admin.userId(), changeId);
		if (found.isEmpty()) {
			return AdministrationOutcome.of(AdministrationOutcome.Kind.UNKNOWN, "corporate.users.change.unknown");
		}
		PendingUserChange change = found.get();
		if (!change.pending()) {
			return change.done() ? AdministrationOutcome.done(change, resultOf(admin, change))
					: AdministrationOutcome.of(AdministrationOutcome.Kind.OVER, "corporate.users.change.over");
		}
		if (!this.clock.instant().isBefore(change.expiresAt()) || (change.targetId() != null
				&& this.users.findInCompany(admin.companyId(), change.targetId()).isEmpty())) {
			// too late, or the user it changes was deleted meanwhile
			this.transactions.executeWithoutResult(status -> this.changes.drop(changeId, this.clock.instant()));
			return AdministrationOutcome.of(AdministrationOutcome.Kind.OVER, "corporate.users.change.over");
		}
		if (change.keyRequired()) {
			String typed = key == null ? "" : key.strip();
			if (!typed.matches("[0-9]{4,10}")) {
				return new AdministrationOutcome(AdministrationOutcome.Kind.WRONG_KEY, change, null,
						"corporate.users.key.format", Map.of("key", "corporate.users.key.format"),
						this.keys.status(changeId, KeyPurpose.ADMIN_ACTION).wrongEntriesLeft());
			}
			KeyCheck check = this.keys.verify(changeId, KeyPurpose.ADMIN_ACTION, typed);
			switch (check) {
				case ACCEPTED -> {
				}
				case WRONG -> {
					return new AdministrationOutcome(AdministrationOutcome.Kind.WRONG_KEY, change, null,
							"corporate.users.key.wrong", Map.of("key", "corporate.users.key.wrong"),
							this.keys.status(changeId, KeyPurpose.ADMIN_ACTION).wrongEntriesLeft());
				}
				case EXPIRED, EXHAUSTED -> {
					return new AdministrationOutcome(AdministrationOutcome.Kind.KEY_EXPIRED, change, null,
							"corporate.users.key.expired", Map.of("key", "corporate.users.key.expired"), 0);
				}
				default -> {
					this.transactions.executeWithoutResult(status -> this.changes.drop(changeId, this.clock.instant()));
					refusal(admin, auditType(change), change.targetId(), "key-" + check.name().toLowerCase(Locale.ROOT),
							client);
					return AdministrationOutcome.of(AdministrationOutcome.Kind.OVER, "corporate.users.change.over");
				}
			}
		}
		return change.kind() == Kind.ADD ? applyAdd(admin, changeId, client, locale)
				: applyEdit(admin, changeId, client, locale);
	}

	private AdministrationOutcome applyAdd(SignedInCompanyUser admin, UUID changeId, ClientContext client,
			Locale locale) {
		Applied applied = this.transactions.execute(status -> {
			Optional<PendingUserChange> locked = this.changes.lock(admin.companyId(), admin.userId(), changeId);
			if (locked.isEmpty() || !locked.get().pending()) {
				return new Applied(null, null, "corporate.users.change.over", null);
			}
			PendingUserChange change = locked.get();
			this.users.lockCompany(admin.companyId());
			ProposedUser proposed = change.proposed();
			if (this.users.documentTaken(admin.companyId(), proposed.document())) {
				this.changes.drop(changeId, this.clock.instant());
				return new Applied(change, null, "corporate.users.document.taken", "document-taken");
			}
			UUID id = this.credentials.issueToNewUser(new NewCompanyUser(admin.companyId(), proposed.role(),
					proposed.document(), proposed.firstNames(), proposed.lastNames(), proposed.email(),
					proposed.mobile(), proposed.profiles()), subject(admin.userId()), locale);
			this.changes.markDone(changeId, id, this.clock.instant());
			return new Applied(change, this.users.findById(id).orElseThrow(), null, null);
		});
		if (applied.user() == null) {
			if (applied.reason() != null) {
				refusal(admin, "CORPORATE_USER_ADDED", null, applied.reason(), client);
			}
			return AdministrationOutcome.of(AdministrationOutcome.Kind.REFUSED, applied.refusal());
		}
		CompanyUser user = applied.user();
		this.audit.record(AuditEvent.success("CORPORATE_USER_ADDED", subject(user.id()), client)
			.with("by", subject(admin.userId()))
			.with("company", Long.toString(admin.companyId()))
			.with("role", user.role().name())
			.with("profiles", user.profiles().name()));
		return AdministrationOutcome.done(this.changes.find(admin.companyId(), admin.userId(), changeId).orElseThrow(),
				user);
	}

	private AdministrationOutcome applyEdit(SignedInCompanyUser admin, UUID changeId, ClientContext client,
			Locale locale) {
		Applied applied = this.transactions.execute(status -> {
			Optional<PendingUserChange> locked = this.changes.lock(admin.companyId(), admin.userId(), changeId);
			if (locked.isEmpty() || !locked.get().pending() || locked.get().targetId() == null) {
				return new Applied(null, null, "corporate.users.change.over", null);
			}
			PendingUserChange change = locked.get();
			this.users.lockCompany(admin.companyId());
			Optional<CompanyUser> target = this.users.findInCompany(admin.companyId(), change.targetId());
			Instant now = this.clock.instant();
			if (target.isEmpty()) {
				this.changes.drop(changeId, now);
				return new Applied(change, null, "corporate.users.unknown", "unknown-user");
			}
			CompanyUser before = target.get();
			ProposedUser proposed = change.proposed();
			List<String> changed = changedFields(before, proposed);
			if (!change.keyRequired() && (changed.contains("email") || changed.contains("mobile"))) {
				this.changes.drop(changeId, now);
				return new Applied(change, null, "corporate.users.change.stale", "stale");
			}
			if (changed.contains("role") && before.id().equals(admin.userId())) {
				this.changes.drop(changeId, now);
				return new Applied(change, null, "corporate.users.role.self", "self-demotion");
			}
			if (changed.contains("role") && before.admin() && this.users.countAdmins(admin.companyId()) <= 1) {
				this.changes.drop(changeId, now);
				return new Applied(change, null, "corporate.users.last-admin", "last-admin");
			}
			if (changed.isEmpty()) {
				this.changes.markDone(changeId, before.id(), now);
				return new Applied(change, before, null, null);
			}
			this.users.update(before.id(), proposed.firstNames(), proposed.lastNames(), proposed.email(),
					proposed.mobile(), proposed.profiles(), proposed.role(), now);
			this.changes.markDone(changeId, before.id(), now);
			this.notifications.sendCompanyUserChanged(
					new Recipient(proposed.firstNames(), proposed.mobile(), proposed.email()),
					changed.contains("email") ? before.email() : null,
					changed.contains("mobile") ? before.mobile() : null, changed, now, locale);
			return new Applied(change, this.users.findById(before.id()).orElseThrow(), null, String.join(",", changed));
		});
		if (applied.user() == null) {
			if (applied.reason() != null) {
				refusal(admin, "CORPORATE_USER_CHANGED", applied.change() == null ? null : applied.change().targetId(),
						applied.reason(), client);
			}
			return AdministrationOutcome.of(AdministrationOutcome.Kind.REFUSED, applied.refusal());
		}
		CompanyUser user = applied.user();
		String changed = applied.reason() == null ? "" : applied.reason();
		if (changed.contains("role")) {
			// the sessions of a user whose role changed carry the old role: they end, the next login has the new one
			endSessions(user.id());
		}
		this.audit.record(AuditEvent.success("CORPORATE_USER_CHANGED", subject(user.id()), client)
			.with("by", subject(admin.userId()))
			.with("company", Long.toString(admin.companyId()))
			.with("fields", changed)
			.with("keyConfirmed", Boolean.toString(applied.change() != null && applied.change().keyRequired())));
		return AdministrationOutcome.done(this.changes.find(admin.companyId(), admin.userId(), changeId).orElseThrow(),
				user);
	}

	// ---- deleting and new temporary credentials --------------------------------------------------------------------

	/**
	 * Deletes a user (after the page's confirmation dialog): their sessions end at once, they can no longer log in,
	 * and the record stays for the audit trail. Nobody deletes themselves; the last administrator stays.
	 */
	public AdministrationOutcome delete(SignedInCompanyUser admin, UUID id, ClientContext client, Locale locale) {
		if (actingAdmin(admin).isEmpty()) {
			return notAdmin(admin, "CORPORATE_USER_DELETED", client);
		}
		Applied applied = this.transactions.execute(status -> {
			this.users.lockCompany(admin.companyId());
			Optional<CompanyUser> target = this.users.findInCompany(admin.companyId(), id);
			if (target.isEmpty()) {
				return new Applied(null, null, "corporate.users.unknown", null);
			}
			CompanyUser user = target.get();
			if (user.id().equals(admin.userId())) {
				return new Applied(null, null, "corporate.users.delete.self", "self-deletion");
			}
			if (user.admin() && this.users.countAdmins(admin.companyId()) <= 1) {
				return new Applied(null, null, "corporate.users.last-admin", "last-admin");
			}
			Instant now = this.clock.instant();
			this.users.markDeleted(user.id(), now);
			this.notifications.sendCompanyUserDeleted(new Recipient(user.firstNames(), user.mobile(), user.email()),
					now, locale);
			return new Applied(null, this.users.findById(user.id()).orElseThrow(), null, null);
		});
		if (applied.user() == null) {
			if (applied.reason() == null) {
				return AdministrationOutcome.unknown();
			}
			refusal(admin, "CORPORATE_USER_DELETED", id, applied.reason(), client);
			return AdministrationOutcome.of(AdministrationOutcome.Kind.REFUSED, applied.refusal());
		}
		int ended = endSessions(id);
		this.audit.record(AuditEvent.success("CORPORATE_USER_DELETED", subject(id), client)
			.with("by", subject(admin.userId()))
			.with("company", Long.toString(admin.companyId()))
			.with("sessionsEnded", Integer.toString(ended)));
		return AdministrationOutcome.done(null, applied.user());
	}

	/** New temporary credentials for a user who has not yet created the definitive ones (lost or expired). */
	public AdministrationOutcome reissueTemporaryCredentials(SignedInCompanyUser admin, UUID id, ClientContext client,
			Locale locale) {
		if (actingAdmin(admin).isEmpty()) {
			return notAdmin(admin, "CORPORATE_CREDENTIALS_REISSUED", client);
		}
		Applied applied = this.transactions.execute(status -> {
			Optional<CompanyUser> target = this.users.findInCompany(admin.companyId(), id)
				.flatMap(user -> this.users.lock(user.id()));
			if (target.isEmpty() || target.get().deleted()) {
				return new Applied(null, null, "corporate.users.unknown", null);
			}
			if (!target.get().temporary()) {
				return new Applied(null, null, "corporate.users.reissue.not-temporary", "not-temporary");
			}
			this.credentials.reissue(target.get(), locale);
			return new Applied(null, this.users.findById(id).orElseThrow(), null, null);
		});
		if (applied.user() == null) {
			if (applied.reason() == null) {
				return AdministrationOutcome.unknown();
			}
			refusal(admin, "CORPORATE_CREDENTIALS_REISSUED", id, applied.reason(), client);
			return AdministrationOutcome.of(AdministrationOutcome.Kind.REFUSED, applied.refusal());
		}
		this.audit.record(AuditEvent.success("CORPORATE_CREDENTIALS_REISSUED", subject(id), client)
			.with("by", subject(admin.userId()))
			.with("company", Long.toString(admin.companyId())));
		return AdministrationOutcome.done(null, applied.user());
	}

	// ---- helpers ---------------------------------------------------------------------------------------------------

	/** What a transaction decided: the user it left, or a refusal (message) and its audit reason. */
	private record Applied(@Nullable PendingUserChange change, @Nullable CompanyUser user, @Nullable String refusal,
			@Nullable String reason) {
	}

	/** The checked fields of a form but the document. */
	private record Fields(String firstNames, String lastNames, EmailAddress email, PhoneNumber mobile,
			ProfileSet profiles, CompanyRole role) {

		ProposedUser proposed(IdentityDocument document) {
			return new ProposedUser(document, this.firstNames, this.lastNames, this.email, this.mobile, this.profiles,
					this.role);
		}

	}

	private static @Nullable Fields fields(FieldErrors errors, CompanyUserForm form, Company company,
			CompanyRole whenBlank) {
		String firstNames = CompanyUserFields.name(errors, "firstNames", form.firstNames());
		String lastNames = CompanyUserFields.name(errors, "lastNames", form.lastNames());
		Optional<EmailAddress> email = CompanyUserFields.email(errors, form.email());
		Optional<PhoneNumber> mobile = CompanyUserFields.mobile(errors, form.mobile());
		ProfileSet profiles = null;
		if (!form.corporate() && !form.merchant()) {
			errors.reject("profiles", "corporate.users.profiles.required");
		}
		else {
			profiles = ProfileSet.of(form.corporate(), form.merchant());
			if (!profiles.isWithin(company.profiles())) {
				errors.reject("profiles", "corporate.users.profiles.outside");
				profiles = null;
			}
		}
		CompanyRole role = whenBlank;
		if (form.role() != null && !form.role().isBlank()) {
			try {
				role = CompanyRole.valueOf(form.role().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.reject("role", "corporate.users.role.invalid");
				role = null;
			}
		}
		if (firstNames == null || lastNames == null || email.isEmpty() || mobile.isEmpty() || profiles == null
				|| role == null) {
			return null;
		}
		return new Fields(firstNames, lastNames, email.get(), mobile.get(), profiles, role);
	}

	/** Whether the form names a document other than the user's (left out, it stays as it is). */
	private static boolean documentChangeAsked(CompanyUser user, CompanyUserForm form) {
		boolean typeGiven = form.documentType() != null && !form.documentType().isBlank();
		boolean numberGiven = form.documentNumber() != null && !form.documentNumber().isBlank();
		if (!typeGiven && !numberGiven) {
			return false;
		}
		String type = typeGiven ? form.documentType().strip().toUpperCase(Locale.ROOT) : user.document().type().name();
		if (!type.equals(user.document().type().name())) {
			return true;
		}
		if (!numberGiven) {
			return false;
		}
		String number = form.documentNumber().strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
		return !number.equals(user.document().number());
	}

	private static List<String> changedFields(CompanyUser user, ProposedUser proposed) {
		List<String> changed = new ArrayList<>();
		if (!user.firstNames().equals(proposed.firstNames())) {
			changed.add("firstNames");
		}
		if (!user.lastNames().equals(proposed.lastNames())) {
			changed.add("lastNames");
		}
		if (!user.email().equals(proposed.email())) {
			changed.add("email");
		}
		if (!user.mobile().equals(proposed.mobile())) {
			changed.add("mobile");
		}
		if (user.profiles() != proposed.profiles()) {
			changed.add("profiles");
		}
		if (user.role() != proposed.role()) {
			changed.add("role");
		}
		return List.copyOf(changed);
	}

	private PendingUserChange file(SignedInCompanyUser admin, CompanyUser me, Kind kind, @Nullable UUID targetId,
			ProposedUser proposed, List<String> changed, boolean needsKey, Locale locale) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult(status -> {
			this.changes.insert(id, admin.companyId(), admin.userId(), kind, targetId, proposed, changed, needsKey, now,
					now.plus(this.settings.pendingChangeLifetime()));
			if (needsKey) {
				this.keys.issue(id, KeyPurpose.ADMIN_ACTION, recipient(me), Channels.SMS, locale);
			}
		});
		return this.changes.find(admin.companyId(), admin.userId(), id).orElseThrow();
	}

	private @Nullable CompanyUser resultOf(SignedInCompanyUser admin, PendingUserChange change) {
		UUID id = change.resultId();
		return id == null ? null : this.users.findById(id).filter(user -> user.companyId() == admin.companyId())
			.orElse(null);
	}

	/** The signed-in administrator as the database knows them now: still of the company, not deleted, an admin. */
	private Optional<CompanyUser> actingAdmin(SignedInCompanyUser admin) {
		return this.users.findInCompany(admin.companyId(), admin.userId()).filter(CompanyUser::admin);
	}

	private AdministrationOutcome notAdmin(SignedInCompanyUser admin, String type, ClientContext client) {
		this.audit.record(AuditEvent.failure(type, subject(admin.userId()), client, "not-admin")
			.with("company", Long.toString(admin.companyId())));
		return AdministrationOutcome.of(AdministrationOutcome.Kind.REFUSED, "corporate.users.not-admin");
	}

	private void refusal(SignedInCompanyUser admin, String type, @Nullable UUID target, String reason,
			ClientContext client) {
		this.audit.record(AuditEvent.failure(type, target == null ? subject(admin.userId()) : subject(target), client,
				reason).with("by", subject(admin.userId())).with("company", Long.toString(admin.companyId())));
	}

	private static String auditType(PendingUserChange change) {
		return change.kind() == Kind.ADD ? "CORPORATE_USER_ADDED" : "CORPORATE_USER_CHANGED";
	}

	private int endSessions(UUID userId) {
		int ended = 0;
		for (String sessionId : this.sessions.findByPrincipalName(subject(userId)).keySet()) {
			this.sessions.deleteById(sessionId);
			ended++;
		}
		log.debug("Ended {} sessions of company user {}", ended, userId);
		return ended;
	}

	private static Recipient recipient(CompanyUser user) {
		return new Recipient(user.firstNames(), user.mobile(), user.email());
	}

	private static String subject(UUID userId) {
		return "company-user:" + userId;
	}

}
