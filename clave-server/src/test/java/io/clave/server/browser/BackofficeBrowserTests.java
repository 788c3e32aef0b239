package io.clave.server.browser;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import io.clave.otp.Base32;
import io.clave.otp.Totp;
import io.clave.server.backoffice.OperatorCreation;
import io.clave.server.backoffice.OperatorEnrolment;
import io.clave.server.backoffice.OperatorRole;
import io.clave.server.backoffice.Operators;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.Lockouts;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.TestPeople;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6's desk in a real browser, a screenshot of every page: an operator logs in with password and TOTP, finds a
 * locked customer and unlocks them, asks for a change of the customer's mobile; a supervisor, in another browser,
 * approves it; the customer receives the notices on the old and the new number; the audit trail holds all of it.
 */
class BackofficeBrowserTests extends BrowserTest {

	@Autowired
	Operators operators;

	@Autowired
	TestUsers users;

	@Autowired
	Lockouts lockouts;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorUnlocksACustomerAndASupervisorApprovesTheirNewMobile() {
		Enrolled maria = this.users.enrolled();
		this.lockouts.lock(maria.userId(), "wrong-password");
		String oldMobile = maria.person().mobile().e164();
		String newMobile = TestPeople.newMobile().value();
		OperatorEnrolment ana = create(OperatorRole.OPERATOR);
		OperatorEnrolment luis = create(OperatorRole.SUPERVISOR);

		// the operator: password, the authenticator's code, a password of her own on the first login
		signIn(ana, "ana");
		click(By.id("menu-customer"));
		type(By.id("q"), maria.person().cedula().value());
		click(By.id("search"));
		waitFor(By.id("hits"));
		screenshot("desk-search");
		click(By.linkText("Rosa Elvira Quishpe Tandazo"));
		waitFor(By.id("customer-facts"));
		assertThat(textOf(By.id("customer-state"))).contains("Bloqueado");
		screenshot("desk-locked-customer");
		click(By.id("unlock"));
		waitFor(By.cssSelector(".alert-info"));
		assertThat(textOf(By.id("customer-state"))).contains("Activo");
		screenshot("desk-unlocked");

		// a new mobile, after checking the customer's cédula at the desk
		new Select(waitFor(By.id("kind"))).selectByValue("CHANGE_MOBILE");
		type(By.id("value"), newMobile);
		click(By.id("identityChecked"));
		screenshot("desk-change-request");
		click(By.id("request-change"));
		assertThat(textOf(By.cssSelector(".alert-info"))).contains("Un supervisor debe aprobarla");
		screenshot("desk-change-requested");

		// the supervisor, in another browser
		start(java.util.Map.of());
		signIn(luis, "luis");
		click(By.id("menu-requests"));
		waitFor(By.id("pending-requests"));
		screenshot("desk-requests");
		UUID request = this.jdbc.sql("SELECT id FROM backoffice_requests WHERE user_id = ? AND state = 'PENDING'")
			.param(maria.userId())
			.query(UUID.class)
			.single();
		click(By.id("approve-" + request));
		assertThat(textOf(By.cssSelector(".alert-info"))).contains("aprobada y aplicada");
		screenshot("desk-request-approved");

		// the customer hears of it on both numbers; the registry has the new one
		String newE164 = "+593" + newMobile.substring(1);
		await().atMost(WAIT)
			.until(() -> SMS.receivedBy(oldMobile).stream().anyMatch(sms -> sms.text().contains("se cambió tu celular"))
					&& SMS.receivedBy(newE164).stream().anyMatch(sms -> sms.text().contains("se cambió tu celular")));
		assertThat(this.customers.findById(maria.person().customerId()).orElseThrow().mobilePhone().value())
			.isEqualTo(newMobile);
		List<String> trail = this.jdbc.sql("SELECT type FROM audit_events WHERE subject = ? ORDER BY id")
			.param(maria.subject())
			.query(String.class)
			.list();
		assertThat(trail).contains("BACKOFFICE_UNLOCK", "BACKOFFICE_CHANGE_REQUESTED", "BACKOFFICE_CHANGE_APPLIED");

		// an auditor sees all of it in the console, and the chain verifies
		start(java.util.Map.of());
		signIn(create(OperatorRole.AUDITOR), "eva");
		click(By.id("menu-audit"));
		type(By.id("persona"), maria.subject());
		click(By.id("audit-search-submit"));
		waitFor(By.id("audit-events"));
		assertThat(textOf(By.id("audit-events"))).contains("BACKOFFICE_UNLOCK", "BACKOFFICE_CHANGE_REQUESTED",
				"BACKOFFICE_CHANGE_APPLIED");
		screenshot("audit-trail");
		click(By.id("audit-verify-submit"));
		waitFor(By.id("verification"));
		screenshot("audit-verified");
		assertThat(verify().status()).isZero();

		// a record altered in the database: the verification command fails, naming it
		long unlock = this.jdbc.sql("SELECT id FROM audit_events WHERE type = 'BACKOFFICE_UNLOCK' AND subject = ?")
			.param(maria.subject())
			.query(Long.class)
			.single();
		String original = this.jdbc.sql("SELECT details::text FROM audit_events WHERE id = ?")
			.param(unlock)
			.query(String.class)
			.single();
		tamper("UPDATE audit_events SET details = '{\"by\": \"operator:someone-else\"}'::jsonb WHERE id = " + unlock);
		try {
			Verification broken = verify();
			assertThat(broken.status()).isEqualTo(1);
			assertThat(broken.out() + broken.err()).contains("record " + unlock);
		}
		finally {
			this.jdbc.sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update").update();
			try {
				this.jdbc.sql("UPDATE audit_events SET details = ?::jsonb WHERE id = ?").params(original, unlock).update();
			}
			finally {
				this.jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update").update();
			}
		}
		assertThat(verify().status()).as("restored").isZero();
	}

	record Verification(int status, String out, String err) {
	}

	/** The documented command, `audit verify`, run in this JVM against the test's database. */
	private Verification verify() {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		int status = io.clave.server.audit.AuditCommandLine.run(new String[] { "audit", "verify",
				"--spring.profiles.active=test" },
				new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
				new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
		return new Verification(status, out.toString(java.nio.charset.StandardCharsets.UTF_8),
				err.toString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private void tamper(String sql) {
		this.jdbc.sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update").update();
		try {
			this.jdbc.sql(sql).update();
		}
		finally {
			this.jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update").update();
		}
	}

	private void signIn(OperatorEnrolment operator, String name) {
		open("/backoffice/ingreso");
		type(By.id("username"), operator.username());
		type(By.id("password"), operator.initialPassword());
		screenshot("backoffice-login-" + name);
		click(By.id("continue"));
		type(By.id("code"), Totp.defaults().generate(Base32.decode(operator.key().secret()), Instant.now()));
		screenshot("backoffice-code-" + name);
		click(By.id("sign-in"));
		type(By.id("password"), "Consola-del-banco-" + name + "-2026");
		type(By.id("confirmation"), "Consola-del-banco-" + name + "-2026");
		click(By.id("save"));
		waitForPath("/backoffice");
		screenshot("backoffice-home-" + name);
	}

	private OperatorEnrolment create(OperatorRole role) {
		OperatorCreation created = this.operators.create("ops." + UUID.randomUUID().toString().substring(0, 8),
				role == OperatorRole.SUPERVISOR ? "Luis Supervisor" : "Ana Operadora", EnumSet.of(role),
				ClientContext.SYSTEM);
		return ((OperatorCreation.Created) created).enrolment();
	}

}
