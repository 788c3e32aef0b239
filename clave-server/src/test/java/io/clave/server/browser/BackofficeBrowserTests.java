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
