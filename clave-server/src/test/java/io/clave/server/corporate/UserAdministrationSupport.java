package io.clave.server.corporate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corporate.CompanyUsers.NewCompanyUser;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.Mailbox;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCompanies;
import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** What the tests of the administrator's management of users share: companies, principals, keys, rows. */
abstract class UserAdministrationSupport extends IntegrationTest {

	static final ClientContext CLIENT = new ClientContext("10.1.2.3", "UserAdministrationTests");

	static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	@Autowired
	TestCompanies companies;

	@Autowired
	CompanyUsers users;

	@Autowired
	CompanyUserAdministration administration;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	SignedInCompanyUser adminOf(Affiliated company) {
		return new SignedInCompanyUser(company.administratorId(), company.companyId(), CompanyRole.ADMIN, null,
				this.clock.instant());
	}

	SignedInCompanyUser signedIn(CompanyUser user) {
		return new SignedInCompanyUser(user.id(), user.companyId(), user.role(), null, this.clock.instant());
	}

	static RequestPostProcessor as(SignedInCompanyUser user) {
		return user.admin()
				? authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
						List.of(new SimpleGrantedAuthority("ROLE_COMPANY_USER"),
								new SimpleGrantedAuthority("ROLE_COMPANY_ADMIN"))))
				: asPlainUser(user);
	}

	static RequestPostProcessor asPlainUser(SignedInCompanyUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_COMPANY_USER"))));
	}

	/** A valid form for a new additional user with fresh contact data. */
	static CompanyUserForm newUserForm(String firstNames, boolean corporate, boolean merchant) {
		return new CompanyUserForm("CEDULA", TestPeople.newCedula().value(), firstNames, "Tandazo Quishpe",
				TestPeople.newEmail().value(), TestPeople.newMobile().value(), corporate, merchant, "USER");
	}

	int smsCount(PhoneNumber mobile) {
		return SMS.receivedBy(mobile.e164()).size();
	}

	/** The clave temporal that reached this mobile after its first {@code before} messages. */
	String keyAfter(PhoneNumber mobile, int before) {
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.codeAfter(mobile.e164(), before, 6).isPresent());
		return SMS.codeAfter(mobile.e164(), before, 6).orElseThrow();
	}

	/** Adds a user the way an administrator does: the form, the key from the administrator's SMS, "Aceptar". */
	CompanyUser addUser(Affiliated company, CompanyUserForm form) {
		SignedInCompanyUser admin = adminOf(company);
		int before = smsCount(company.mobile());
		AdministrationOutcome filed = this.administration.add(admin, form, CLIENT, SPANISH);
		assertThat(filed.kind()).as(filed.fieldErrors().toString()).isEqualTo(AdministrationOutcome.Kind.PENDING);
		AdministrationOutcome done = this.administration.confirm(admin, filed.change().id(),
				keyAfter(company.mobile(), before), CLIENT, SPANISH);
		assertThat(done.kind()).isEqualTo(AdministrationOutcome.Kind.DONE);
		return done.user();
	}

	/** A user filed straight into the store (for lists and rules that do not need the add flow). */
	CompanyUser fileUser(long companyId, CompanyRole role, String firstNames, String lastNames) {
		Instant now = Instant.now();
		UUID id = this.users.create(new NewCompanyUser(companyId, role,
				new IdentityDocument(IdentityDocument.Type.CEDULA, TestPeople.newCedula().value()), firstNames,
				lastNames, TestPeople.newEmail(), TestPeople.newMobile(), ProfileSet.CORPORATE),
				"u" + UUID.randomUUID().toString().substring(0, 12), "$argon2id$not-a-real-hash", now.plusSeconds(3600),
				"test", now);
		return this.users.findById(id).orElseThrow();
	}

	/** Every column of a company's users and changes, to compare before and after a refused request. */
	String rowsOf(long companyId) {
		return this.jdbc.sql("SELECT * FROM company_users WHERE company_id = ? ORDER BY id")
			.param(companyId)
			.query()
			.listOfRows()
			.toString()
				+ this.jdbc.sql("SELECT id, state, result_id, done_at FROM company_user_changes WHERE company_id = ? ORDER BY id")
					.param(companyId)
					.query()
					.listOfRows()
					.toString();
	}

	List<RecordedAuditEvent> auditOf(UUID userId) {
		return this.audit.forSubject("company-user:" + userId, 50);
	}

	static void awaitMail(EmailAddress to, String containing) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Mailbox.textsTo(to.value()).stream().anyMatch(text -> text.contains(containing)));
	}

	static void awaitSms(PhoneNumber to, String containing) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(to.e164()).stream().anyMatch(sms -> sms.text().contains(containing)));
	}

	@SuppressWarnings("unchecked")
	static <S extends Session> String saveSession(FindByIndexNameSessionRepository<S> repository, UUID userId) {
		S created = repository.createSession();
		created.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "company-user:" + userId);
		repository.save(created);
		return created.getId();
	}

}
