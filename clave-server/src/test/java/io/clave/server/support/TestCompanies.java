package io.clave.server.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.server.corporate.AffiliationForm;
import io.clave.server.corporate.AffiliationOutcome;
import io.clave.server.corporate.Affiliations;
import io.clave.server.corporate.CompanyUser;
import io.clave.server.corporate.CompanyUsers;
import io.clave.server.corporate.ProfileSet;
import io.clave.server.shared.ClientContext;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fresh companies for tests, affiliated the way the bank's operator does it, with the administrator's temporary
 * credentials read from the delivered e-mail (username) and SMS (password); or with definitive credentials set
 * directly, for tests that start after the first login.
 */
@Component
public class TestCompanies {

	/** The password of every user {@link #withDefinitiveCredentials} gives credentials to. */
	public static final String PASSWORD = "Tesoro7Verde";

	private static final ClientContext OPERATOR = new ClientContext("10.0.0.5", "Backoffice test");

	private static final Pattern TEMPORARY_USERNAME = Pattern.compile("\\bE[A-Z0-9]{9}\\b");

	private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("empresas es ([A-Za-z0-9]{12})");

	private final Affiliations affiliations;

	private final CompanyUsers users;

	private final PasswordEncoder encoder;

	TestCompanies(Affiliations affiliations, CompanyUsers users, PasswordEncoder encoder) {
		this.affiliations = affiliations;
		this.users = users;
		this.encoder = encoder;
	}

	/** A company just affiliated, and its administrator with the temporary credentials as they were delivered. */
	public record Affiliated(long companyId, String ruc, UUID administratorId, String cedula, PhoneNumber mobile,
			EmailAddress email, String temporaryUsername, String temporaryPassword) {
	}

	/** A valid private-company RUC not used before (17, 9, six digits, the modulo-11 check digit, 001). */
	public static String newRuc() {
		int[] weights = { 4, 3, 2, 7, 6, 5, 4, 3, 2 };
		while (true) {
			String nine = "179" + String.format(Locale.ROOT, "%06d", ThreadLocalRandom.current().nextInt(1_000_000));
			int sum = 0;
			for (int i = 0; i < 9; i++) {
				sum += (nine.charAt(i) - '0') * weights[i];
			}
			int check = sum % 11 == 0 ? 0 : 11 - sum % 11;
			if (check < 10) {
				return nine + check + "001";
			}
		}
	}

	public Affiliated affiliate(ProfileSet profiles) {
		String ruc = newRuc();
		String cedula = TestPeople.newCedula().value();
		PhoneNumber mobile = TestPeople.newMobile();
		EmailAddress email = TestPeople.newEmail();
		int smsBefore = IntegrationTest.SMS.receivedBy(mobile.e164()).size();
		AffiliationOutcome outcome = this.affiliations.register(new AffiliationForm(ruc, "Empresa de Prueba S.A.",
				profiles != ProfileSet.MERCHANT, profiles != ProfileSet.CORPORATE, "CEDULA", cedula, "Rosa Elvira",
				"Quishpe Tandazo", email.value(), mobile.value()), "operator:test", OPERATOR,
				Locale.forLanguageTag("es-EC"));
		assertThat(outcome.kind()).isEqualTo(AffiliationOutcome.Kind.REGISTERED);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> IntegrationTest.SMS.receivedBy(mobile.e164()).size() > smsBefore
					&& !Mailbox.textsTo(email.value()).isEmpty());
		Matcher password = TEMPORARY_PASSWORD.matcher(IntegrationTest.SMS.receivedBy(mobile.e164()).get(smsBefore).text());
		Matcher username = TEMPORARY_USERNAME.matcher(Mailbox.textsTo(email.value()).get(0));
		assertThat(password.find()).as("the SMS carries the temporary password").isTrue();
		assertThat(username.find()).as("the e-mail carries the temporary username").isTrue();
		return new Affiliated(outcome.companyId(), ruc, outcome.administratorId(), cedula, mobile, email,
				username.group(), password.group(1));
	}

	/** Gives a user definitive credentials directly (the first-login flow is tested on its own); returns them. */
	public String withDefinitiveCredentials(UUID userId) {
		CompanyUser user = this.users.findById(userId).orElseThrow();
		String username = "u" + Long.toString(ThreadLocalRandom.current().nextLong(2821109907456L, 101559956668415L), 36);
		this.users.setDefinitiveCredentials(user.id(), username.length() > 14 ? username.substring(0, 14) : username,
				this.encoder.encode(PASSWORD), Instant.now());
		return this.users.findById(userId).orElseThrow().username();
	}

}
