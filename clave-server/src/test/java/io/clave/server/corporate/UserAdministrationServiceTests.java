package io.clave.server.corporate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.support.Mailbox;
import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of "Administración de perfiles de usuario" as the service keeps them: adding with the administrator's
 * clave temporal and temporary credentials for the new user, edits with and without contact changes, the identity
 * document that never changes, oneself and the last administrator, deleting with the sessions ended at once.
 */
class UserAdministrationServiceTests extends UserAdministrationSupport {

	private static final Pattern TEMPORARY_USERNAME = Pattern.compile("\\bE[A-Z0-9]{9}\\b");

	private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("empresas es ([A-Za-z0-9]{12})");

	@Autowired
	PasswordEncoder encoder;

	@Test
	void addingAUserAsksForTheAdministratorsKeyAndThenSendsTheNewUserTemporaryCredentials() {
		Affiliated company = this.companies.affiliate(ProfileSet.BOTH);
		SignedInCompanyUser admin = adminOf(company);
		CompanyUserForm form = newUserForm("Lucía", true, false);
		int before = smsCount(company.mobile());

		AdministrationOutcome filed = this.administration.add(admin, form, CLIENT, SPANISH);

		assertThat(filed.kind()).isEqualTo(AdministrationOutcome.Kind.PENDING);
		assertThat(filed.change().keyRequired()).isTrue();
		assertThat(this.users.documentTaken(company.companyId(),
				new IdentityDocument(IdentityDocument.Type.CEDULA, form.documentNumber())))
			.as("nothing is created before the key").isFalse();
		String key = keyAfter(company.mobile(), before);
		assertThat(SMS.receivedBy(company.mobile().e164()).get(before).text()).as("the key goes to the administrator")
			.contains(key);
		AdministrationOutcome wrong = this.administration.confirm(admin, filed.change().id(),
				"000000".equals(key) ? "111111" : "000000", CLIENT, SPANISH);
		assertThat(wrong.kind()).isEqualTo(AdministrationOutcome.Kind.WRONG_KEY);
		assertThat(wrong.attemptsLeft()).isPositive();

		AdministrationOutcome done = this.administration.confirm(admin, filed.change().id(), key, CLIENT, SPANISH);

		assertThat(done.kind()).isEqualTo(AdministrationOutcome.Kind.DONE);
		CompanyUser user = done.user();
		assertThat(user.companyId()).isEqualTo(company.companyId());
		assertThat(user.temporary()).isTrue();
		assertThat(user.role()).isEqualTo(CompanyRole.USER);
		assertThat(user.profiles()).isEqualTo(ProfileSet.CORPORATE);
		awaitMail(user.email(), user.username());
		PhoneNumber mobile = new PhoneNumber(form.mobile());
		awaitSms(mobile, "empresas es");
		Matcher username = TEMPORARY_USERNAME.matcher(Mailbox.textsTo(form.email()).get(0));
		assertThat(username.find()).isTrue();
		assertThat(username.group()).isEqualTo(user.username());
		Matcher password = TEMPORARY_PASSWORD.matcher(SMS.receivedBy(mobile.e164()).get(0).text());
		assertThat(password.find()).isTrue();
		assertThat(this.encoder.matches(password.group(1), this.users.passwordHash(user.id()))).isTrue();
		assertThat(Mailbox.textsTo(form.email()).get(0)).doesNotContain(password.group(1));
		assertThat(this.administration.list(admin, null, 0).users()).extracting(CompanyUser::id).contains(user.id());
		assertThat(auditOf(user.id())).filteredOn(event -> event.type().equals("CORPORATE_USER_ADDED"))
			.singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("by", "company-user:" + admin.userId()));
		assertThat(this.administration.confirm(admin, filed.change().id(), key, CLIENT, SPANISH).user().id())
			.as("confirming again adds nobody else").isEqualTo(user.id());
	}

	@Test
	void aNewUserIsRefusedFieldByFieldAndNothingIsWritten() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		SignedInCompanyUser admin = adminOf(company);
		String rows = rowsOf(company.companyId());

		AdministrationOutcome bad = this.administration.add(admin, new CompanyUserForm("LICENCIA", "x", "R0sa", " ",
				"no-es-correo", "022345678", false, false, "JEFE"), CLIENT, SPANISH);
		AdministrationOutcome outside = this.administration.add(admin, newUserForm("Rosa", false, true), CLIENT,
				SPANISH);
		CompanyUserForm sameDocument = new CompanyUserForm("CEDULA", company.cedula(), "Rosa", "Quishpe",
				TestPeople.newEmail().value(), TestPeople.newMobile().value(), true, false, "USER");
		AdministrationOutcome taken = this.administration.add(admin, sameDocument, CLIENT, SPANISH);

		assertThat(bad.kind()).isEqualTo(AdministrationOutcome.Kind.REJECTED);
		assertThat(bad.fieldErrors()).containsEntry("documentType", "corporate.user.document-type.required")
			.containsEntry("firstNames", "corporate.user.name.characters")
			.containsEntry("lastNames", "field.required")
			.containsEntry("email", "corporate.user.email.invalid")
			.containsEntry("mobile", "corporate.user.mobile.invalid")
			.containsEntry("profiles", "corporate.users.profiles.required")
			.containsEntry("role", "corporate.users.role.invalid");
		assertThat(outside.fieldErrors()).containsEntry("profiles", "corporate.users.profiles.outside");
		assertThat(taken.fieldErrors()).containsEntry("documentNumber", "corporate.users.document.taken");
		assertThat(rowsOf(company.companyId())).isEqualTo(rows);
	}

	@Test
	void editingNamesAndProfilesNeedsOnlyTheConfirmationAndTellsTheUser() {
		Affiliated company = this.companies.affiliate(ProfileSet.BOTH);
		SignedInCompanyUser admin = adminOf(company);
		CompanyUser user = addUser(company, newUserForm("Lucía", true, false));
		int adminSms = smsCount(company.mobile());

		AdministrationOutcome filed = this.administration.edit(admin, user.id(), new CompanyUserForm(null, null,
				"Lucía María", user.lastNames(), user.email().value(), user.mobile().value(), true, true, null), CLIENT,
				SPANISH);

		assertThat(filed.kind()).isEqualTo(AdministrationOutcome.Kind.PENDING);
		assertThat(filed.change().keyRequired()).isFalse();
		assertThat(filed.change().changedFields()).containsExactly("firstNames", "profiles");
		assertThat(this.users.findById(user.id()).orElseThrow().firstNames()).as("not before Aceptar")
			.isEqualTo("Lucía");
		AdministrationOutcome done = this.administration.confirm(admin, filed.change().id(), null, CLIENT, SPANISH);

		assertThat(done.kind()).isEqualTo(AdministrationOutcome.Kind.DONE);
		CompanyUser after = this.users.findById(user.id()).orElseThrow();
		assertThat(after.firstNames()).isEqualTo("Lucía María");
		assertThat(after.profiles()).isEqualTo(ProfileSet.BOTH);
		assertThat(after.document()).isEqualTo(user.document());
		assertThat(smsCount(company.mobile())).as("no key for names and profiles").isEqualTo(adminSms);
		awaitMail(user.email(), "nombres, perfiles");
		assertThat(auditOf(user.id())).filteredOn(event -> event.type().equals("CORPORATE_USER_CHANGED"))
			.singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("by", "company-user:" + admin.userId())
				.containsEntry("fields", "firstNames,profiles"));
		assertThat(this.administration.edit(admin, user.id(), new CompanyUserForm(null, null, "Lucía María",
				user.lastNames(), user.email().value(), user.mobile().value(), true, true, null), CLIENT, SPANISH)
			.kind()).isEqualTo(AdministrationOutcome.Kind.NO_CHANGES);
	}

	@Test
	void changingTheEmailOrMobileNeedsTheAdministratorsKeyAndTellsTheOldAndNewContacts() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		SignedInCompanyUser admin = adminOf(company);
		CompanyUser user = addUser(company, newUserForm("Lucía", true, false));
		EmailAddress newEmail = TestPeople.newEmail();
		PhoneNumber newMobile = TestPeople.newMobile();
		int before = smsCount(company.mobile());

		AdministrationOutcome filed = this.administration.edit(admin, user.id(), new CompanyUserForm(null, null,
				user.firstNames(), user.lastNames(), newEmail.value(), newMobile.value(), true, false, "USER"), CLIENT,
				SPANISH);

		assertThat(filed.kind()).isEqualTo(AdministrationOutcome.Kind.PENDING);
		assertThat(filed.change().keyRequired()).isTrue();
		assertThat(filed.change().changedFields()).containsExactly("email", "mobile");
		assertThat(this.administration.confirm(admin, filed.change().id(), null, CLIENT, SPANISH).kind())
			.as("Aceptar without the key").isEqualTo(AdministrationOutcome.Kind.WRONG_KEY);
		assertThat(this.users.findById(user.id()).orElseThrow().email()).isEqualTo(user.email());
		AdministrationOutcome done = this.administration.confirm(admin, filed.change().id(),
				keyAfter(company.mobile(), before), CLIENT, SPANISH);

		assertThat(done.kind()).isEqualTo(AdministrationOutcome.Kind.DONE);
		CompanyUser after = this.users.findById(user.id()).orElseThrow();
		assertThat(after.email()).isEqualTo(newEmail);
		assertThat(after.mobile()).isEqualTo(newMobile);
		awaitMail(newEmail, "correo electrónico, celular");
		awaitMail(user.email(), "correo electrónico, celular");
		awaitSms(newMobile, "cambió tus datos");
		awaitSms(user.mobile(), "cambió tus datos");
		RecordedAuditEvent changed = auditOf(user.id()).stream()
			.filter(event -> event.type().equals("CORPORATE_USER_CHANGED"))
			.findFirst()
			.orElseThrow();
		assertThat(changed.details()).containsEntry("fields", "email,mobile").containsEntry("keyConfirmed", "true");
		assertThat(changed.details().toString()).doesNotContain(newEmail.value()).doesNotContain(newMobile.value());
	}

	@Test
	void theIdentityDocumentNeverChanges() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		SignedInCompanyUser admin = adminOf(company);
		CompanyUser user = addUser(company, newUserForm("Lucía", true, false));
		String rows = rowsOf(company.companyId());

		AdministrationOutcome otherNumber = this.administration.edit(admin, user.id(), new CompanyUserForm("CEDULA",
				TestPeople.newCedula().value(), "Otra", user.lastNames(), user.email().value(), user.mobile().value(),
				true, false, null), CLIENT, SPANISH);
		AdministrationOutcome otherType = this.administration.edit(admin, user.id(), new CompanyUserForm("PASSPORT",
				null, "Otra", user.lastNames(), user.email().value(), user.mobile().value(), true, false, null), CLIENT,
				SPANISH);

		assertThat(otherNumber.kind()).isEqualTo(AdministrationOutcome.Kind.REFUSED);
		assertThat(otherNumber.messageKey()).isEqualTo("corporate.users.document.locked");
		assertThat(otherType.kind()).isEqualTo(AdministrationOutcome.Kind.REFUSED);
		assertThat(rowsOf(company.companyId())).isEqualTo(rows);
		assertThat(auditOf(user.id())).anySatisfy(event -> {
			assertThat(event.type()).isEqualTo("CORPORATE_USER_CHANGED");
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
		});
		assertThat(this.administration.edit(admin, user.id(), new CompanyUserForm("CEDULA",
				user.document().number(), "Otra", user.lastNames(), user.email().value(), user.mobile().value(), true,
				false, null), CLIENT, SPANISH).kind()).as("the same document may be sent back")
			.isEqualTo(AdministrationOutcome.Kind.PENDING);
	}

	@Test
	void anAdministratorCannotDemoteOrDeleteThemselvesAndTheCompanyKeepsAnAdministrator() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		SignedInCompanyUser first = adminOf(company);
		CompanyUser me = this.users.findById(company.administratorId()).orElseThrow();
		String rows = rowsOf(company.companyId());

		AdministrationOutcome demoteMyself = this.administration.edit(first, me.id(), new CompanyUserForm(null, null,
				me.firstNames(), me.lastNames(), me.email().value(), me.mobile().value(), true, false, "USER"), CLIENT,
				SPANISH);
		AdministrationOutcome deleteMyself = this.administration.delete(first, me.id(), CLIENT, SPANISH);

		assertThat(demoteMyself.kind()).isEqualTo(AdministrationOutcome.Kind.REFUSED);
		assertThat(demoteMyself.messageKey()).isEqualTo("corporate.users.role.self");
		assertThat(deleteMyself.kind()).isEqualTo(AdministrationOutcome.Kind.REFUSED);
		assertThat(deleteMyself.messageKey()).isEqualTo("corporate.users.delete.self");
		assertThat(rowsOf(company.companyId())).isEqualTo(rows);

		// a second administrator; each starts demoting the other: the first to confirm wins, the other is refused
		CompanyUser other = fileUser(company.companyId(), CompanyRole.ADMIN, "Segundo", "Administrador");
		SignedInCompanyUser second = signedIn(other);
		AdministrationOutcome demoteOther = this.administration.edit(first, other.id(), new CompanyUserForm(null, null,
				other.firstNames(), other.lastNames(), other.email().value(), other.mobile().value(), true, false,
				"USER"), CLIENT, SPANISH);
		AdministrationOutcome demoteFirst = this.administration.edit(second, me.id(), new CompanyUserForm(null, null,
				me.firstNames(), me.lastNames(), me.email().value(), me.mobile().value(), true, false, "USER"), CLIENT,
				SPANISH);
		assertThat(demoteOther.kind()).isEqualTo(AdministrationOutcome.Kind.PENDING);
		assertThat(demoteFirst.kind()).isEqualTo(AdministrationOutcome.Kind.PENDING);

		assertThat(this.administration.confirm(first, demoteOther.change().id(), null, CLIENT, SPANISH).kind())
			.isEqualTo(AdministrationOutcome.Kind.DONE);
		AdministrationOutcome late = this.administration.confirm(second, demoteFirst.change().id(), null, CLIENT,
				SPANISH);

		assertThat(late.kind()).isEqualTo(AdministrationOutcome.Kind.REFUSED);
		assertThat(this.users.countAdmins(company.companyId())).isEqualTo(1);
		assertThat(this.users.findById(me.id()).orElseThrow().admin()).isTrue();
		assertThat(this.administration.delete(second, me.id(), CLIENT, SPANISH).kind())
			.as("a demoted administrator manages nothing").isEqualTo(AdministrationOutcome.Kind.REFUSED);
		assertThat(this.users.findById(me.id()).orElseThrow().deleted()).isFalse();
	}

	@Test
	void deletingAUserEndsTheirSessionsAtOnceAndKeepsTheRecord() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		SignedInCompanyUser admin = adminOf(company);
		CompanyUser user = addUser(company, newUserForm("Lucía", true, false));
		String username = this.companies.withDefinitiveCredentials(user.id());
		String session = saveSession(this.sessions, user.id());
		assertThat(this.sessions.findById(session)).isNotNull();

		AdministrationOutcome deleted = this.administration.delete(admin, user.id(), CLIENT, SPANISH);

		assertThat(deleted.kind()).isEqualTo(AdministrationOutcome.Kind.DONE);
		assertThat(this.sessions.findById(session)).as("the session ends at once").isNull();
		assertThat(this.sessions.findByPrincipalName("company-user:" + user.id())).isEmpty();
		assertThat(this.users.findByUsername(username)).as("the user can no longer log in").isEmpty();
		assertThat(this.users.findById(user.id()).orElseThrow().deleted()).as("the record stays").isTrue();
		assertThat(this.administration.find(admin, user.id())).isEmpty();
		assertThat(this.administration.list(admin, null, 0).users()).extracting(CompanyUser::id)
			.doesNotContain(user.id());
		awaitMail(user.email(), "eliminó tu usuario");
		assertThat(auditOf(user.id())).filteredOn(event -> event.type().equals("CORPORATE_USER_DELETED"))
			.singleElement()
			.satisfies(event -> assertThat(event.details()).containsEntry("by", "company-user:" + admin.userId())
				.containsEntry("sessionsEnded", "1"));
		assertThat(this.administration.delete(admin, user.id(), CLIENT, SPANISH).kind())
			.isEqualTo(AdministrationOutcome.Kind.UNKNOWN);
	}

	@Test
	void aUserWhoseRoleChangesLogsInAgainWithTheNewOne() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		SignedInCompanyUser admin = adminOf(company);
		CompanyUser user = fileUser(company.companyId(), CompanyRole.USER, "Futura", "Administradora");
		String session = saveSession(this.sessions, user.id());

		AdministrationOutcome filed = this.administration.edit(admin, user.id(), new CompanyUserForm(null, null,
				user.firstNames(), user.lastNames(), user.email().value(), user.mobile().value(), true, false, "ADMIN"),
				CLIENT, SPANISH);
		assertThat(filed.change().keyRequired()).isFalse();
		assertThat(this.administration.confirm(admin, filed.change().id(), null, CLIENT, SPANISH).kind())
			.isEqualTo(AdministrationOutcome.Kind.DONE);

		assertThat(this.users.findById(user.id()).orElseThrow().admin()).isTrue();
		assertThat(this.users.countAdmins(company.companyId())).isEqualTo(2);
		assertThat(this.sessions.findById(session)).as("the session with the old role ends").isNull();
		awaitMail(user.email(), "rol");
	}

	@Test
	void newTemporaryCredentialsGoOnlyToAUserWhoHasNotCreatedTheDefinitiveOnes() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		SignedInCompanyUser admin = adminOf(company);
		CompanyUser user = addUser(company, newUserForm("Lucía", true, false));
		awaitMail(user.email(), user.username());

		AdministrationOutcome reissued = this.administration.reissueTemporaryCredentials(admin, user.id(), CLIENT,
				SPANISH);

		assertThat(reissued.kind()).isEqualTo(AdministrationOutcome.Kind.DONE);
		String newUsername = this.users.findById(user.id()).orElseThrow().username();
		assertThat(newUsername).isNotEqualTo(user.username());
		awaitMail(user.email(), newUsername);
		this.companies.withDefinitiveCredentials(user.id());
		assertThat(this.administration.reissueTemporaryCredentials(admin, user.id(), CLIENT, SPANISH).messageKey())
			.isEqualTo("corporate.users.reissue.not-temporary");
	}

	@Test
	void theListPagesAndSearchesTheCompanysUsersOnly() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		Affiliated other = this.companies.affiliate(ProfileSet.CORPORATE);
		SignedInCompanyUser admin = adminOf(company);
		for (int i = 0; i < 11; i++) {
			fileUser(company.companyId(), CompanyRole.USER, "Persona", "Apellido" + (char) ('A' + i));
		}
		CompanyUser distinct = fileUser(company.companyId(), CompanyRole.USER, "Zoila", "Zambrano");
		CompanyUser stranger = fileUser(other.companyId(), CompanyRole.USER, "Zoila", "Zambrano");

		CompanyUsers.Page first = this.administration.list(admin, null, 0);
		CompanyUsers.Page second = this.administration.list(admin, null, 1);
		CompanyUsers.Page found = this.administration.list(admin, "zambrano", 0);

		assertThat(first.total()).isEqualTo(13);
		assertThat(first.users()).hasSize(10);
		assertThat(first.users().get(0).admin()).as("administrators first").isTrue();
		assertThat(second.users()).hasSize(3);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(found.users()).extracting(CompanyUser::id).containsExactly(distinct.id());
		assertThat(found.users()).extracting(CompanyUser::id).doesNotContain(stranger.id());
		assertThat(this.administration.list(admin, "%", 0).total()).isZero();
		assertThat(this.administration.list(admin, "x".repeat(500), -5).users()).isEmpty();
	}

}
