package io.clave.server.corporate;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.Mailbox;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCompanies;
import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bank's operator registers a signed affiliation form: the company and its administrator, whose temporary
 * username goes by e-mail and temporary password by SMS, never both through one channel.
 */
class AffiliationsTests extends IntegrationTest {

	private static final ClientContext DESK = new ClientContext("10.0.0.5", "Backoffice");

	private static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	@Autowired
	Affiliations affiliations;

	@Autowired
	TestCompanies companies;

	@Autowired
	CompanyUsers users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void registeringAnAffiliationSendsTheUsernameByEmailAndThePasswordBySms() {
		Affiliated company = this.companies.affiliate(ProfileSet.BOTH);

		CompanyUser admin = this.users.findById(company.administratorId()).orElseThrow();
		assertThat(admin.admin()).isTrue();
		assertThat(admin.temporary()).isTrue();
		assertThat(admin.profiles()).isEqualTo(ProfileSet.BOTH);
		assertThat(admin.username()).isEqualTo(company.temporaryUsername());
		assertThat(admin.credentialsExpireAt()).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
				Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
		assertThat(this.encoder.matches(company.temporaryPassword(), this.users.passwordHash(admin.id()))).isTrue();
		String sms = SMS.receivedBy(company.mobile().e164()).get(0).text();
		String mail = Mailbox.textsTo(company.email().value()).get(0);
		assertThat(sms).doesNotContain(company.temporaryUsername());
		assertThat(mail).contains(company.temporaryUsername()).doesNotContain(company.temporaryPassword());
		assertThat(this.jdbc.sql("SELECT type FROM audit_events WHERE subject = 'operator:test' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).isEqualTo("CORPORATE_AFFILIATION");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_events WHERE details::text LIKE ?")
			.param("%" + company.temporaryPassword() + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aFormWithMistakesIsRefusedFieldByFieldAndWritesNothing() {
		long before = count();
		AffiliationOutcome outcome = this.affiliations.register(new AffiliationForm("1792060347001", " ", false, false,
				"CEDULA", "1714307104", "Rosa3", "", "no-es-correo", "022345678"), "operator:test", DESK, SPANISH);

		assertThat(outcome.kind()).isEqualTo(AffiliationOutcome.Kind.REJECTED);
		assertThat(outcome.fieldErrors()).containsEntry("ruc", "corporate.company.ruc.invalid")
			.containsEntry("legalName", "field.required")
			.containsEntry("profiles", "corporate.company.profiles.required")
			.containsEntry("documentNumber", "corporate.user.cedula.invalid")
			.containsEntry("firstNames", "corporate.user.name.characters")
			.containsEntry("lastNames", "field.required")
			.containsEntry("email", "corporate.user.email.invalid")
			.containsEntry("mobile", "corporate.user.mobile.invalid");
		assertThat(this.affiliations.register(new AffiliationForm(TestCompanies.newRuc(), "X S.A.", true, false,
				"LICENCIA", "ABC12345", "Rosa", "Quishpe", "rosa@example.com", "0991234567"), "operator:test", DESK,
				SPANISH).fieldErrors()).containsEntry("documentType", "corporate.user.document-type.required");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aRucIsAffiliatedOnce() {
		Affiliated first = this.companies.affiliate(ProfileSet.CORPORATE);
		long before = count();

		AffiliationOutcome again = this.affiliations.register(new AffiliationForm(first.ruc(), "Otra S.A.", true, true,
				"PASSPORT", "ab-123456", "Rosa", "Quishpe", TestPeople.newEmail().value(),
				TestPeople.newMobile().value()), "operator:test", DESK, SPANISH);

		assertThat(again.kind()).isEqualTo(AffiliationOutcome.Kind.ALREADY_AFFILIATED);
		assertThat(again.fieldErrors()).containsEntry("ruc", "corporate.company.ruc.taken");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theOperatorMayIssueNewTemporaryCredentialsUntilTheDefinitiveOnesExist() {
		Affiliated company = this.companies.affiliate(ProfileSet.MERCHANT);
		int smsBefore = SMS.receivedBy(company.mobile().e164()).size();

		Optional<Instant> reissued = this.affiliations.reissueTemporaryCredentials(company.administratorId(),
				"operator:test", DESK, SPANISH);

		assertThat(reissued).isPresent();
		CompanyUser admin = this.users.findById(company.administratorId()).orElseThrow();
		assertThat(admin.username()).isNotEqualTo(company.temporaryUsername());
		assertThat(this.encoder.matches(company.temporaryPassword(), this.users.passwordHash(admin.id()))).isFalse();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(company.mobile().e164()).size() > smsBefore
					&& Mailbox.textsTo(company.email().value()).size() > 1);
		assertThat(Mailbox.textsTo(company.email().value()).get(1)).contains(admin.username());

		this.companies.withDefinitiveCredentials(company.administratorId());
		assertThat(this.affiliations.reissueTemporaryCredentials(company.administratorId(), "operator:test", DESK,
				SPANISH)).isEmpty();
	}

	private long count() {
		return this.jdbc.sql("SELECT (SELECT count(*) FROM companies) + (SELECT count(*) FROM company_users)")
			.query(Long.class)
			.single();
	}

}
