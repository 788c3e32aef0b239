package io.clave.server.banking.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.clave.server.banking.BankingTest;
import io.clave.server.corebanking.AccountKind;
import io.clave.server.corebanking.AccountMovements;
import io.clave.server.corebanking.CardState;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The signed-in home and what its menu leads to, as a browser sees them. */
class BankingPagesTests extends BankingTest {

	private static final ZoneId GUAYAQUIL = ZoneId.of("America/Guayaquil");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountMovements movements;

	private WebSession browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new WebSession(this.mvc);
	}

	@Test
	void anUnauthenticatedVisitorIsSentToTheLoginPage() {
		MvcTestResult home = this.browser.get("/banca");
		assertThat(home).hasStatus(HttpStatus.FOUND);
		assertThat(home.getResponse().getRedirectedUrl()).contains("/ingreso");
		assertThat(this.browser.get("/banca/perfil").getResponse().getRedirectedUrl()).contains("/ingreso");
	}

	@Test
	void theHomeGreetsTheCustomerAndShowsTheirAccountsCardsAndPreviousLogin() {
		Enrolled customer = enrolled();
		this.customers.addAccount(customer.person(), AccountKind.CHECKING, new BigDecimal("3250.75"));
		String lastFour = this.customers.addCreditCard(customer.person(), new BigDecimal("3000.00"),
				new BigDecimal("1200.50"), new BigDecimal("85.00"), LocalDate.of(2031, 7, 15));
		Instant previous = Instant.parse("2026-01-10T15:04:00Z");
		loggedInAt(customer, previous, "190.152.10.20");
		loggedInAt(customer, this.clock.instant(), "181.39.1.1");

		MvcTestResult home = get(customer, "/banca");

		assertThat(home).hasStatusOk();
		String body = text(home);
		assertThat(body).contains("Hola, Rosa")
			.contains("Tu último ingreso fue el "
					+ DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(previous.atZone(GUAYAQUIL)))
			.contains("10/01/2026 10:04")
			.contains("190.152.10.20")
			.doesNotContain("181.39.1.1");
		assertThat(body).contains("Ahorros", "$10.00", "Corriente", "$3,250.75")
			.contains("******" + customer.person().accountNumber().substring(6));
		assertThat(body).contains("**** **** **** " + lastFour, "$3,000.00", "$1,200.50", "$1,799.50", "$85.00",
				"15/07/2031");
		assertThat(body).contains("**** **** **** " + customer.person().cardNumber().substring(12))
			.doesNotContain(customer.person().cardNumber())
			.doesNotContain(customer.person().accountNumber());
		assertThat(body).contains("Inicio", "Cuentas", "Tarjetas", "Servicios Bancarios", "Segundo Factor Seguridad",
				"Perfil");
	}

	@Test
	void aFirstLoginShowsNoPreviousLogin() {
		Enrolled customer = enrolled();
		loggedInAt(customer, this.clock.instant(), "181.39.1.1");

		String body = text(get(customer, "/banca"));

		assertThat(body).contains("Este es tu primer ingreso").doesNotContain("Tu último ingreso");
	}

	@Test
	void anAccountShowsItsLastMovementsNewestFirst() {
		Enrolled customer = enrolled();
		long account = this.customers.accountIdOf(customer.person());
		Instant now = this.clock.instant();
		this.customers.addMovement(account, now.minus(Duration.ofDays(3)), "Transferencia recibida",
				new BigDecimal("150.00"), new BigDecimal("160.00"));
		this.customers.addMovement(account, now.minus(Duration.ofDays(1)), "Retiro cajero automático",
				new BigDecimal("-150.00"), new BigDecimal("10.00"));

		MvcTestResult page = get(customer, "/banca/cuentas/" + account);

		assertThat(page).hasStatusOk();
		String body = text(page);
		assertThat(body).contains("Últimos movimientos", "+$150.00", "-$150.00", "$160.00");
		assertThat(body.indexOf("Retiro cajero automático")).isPositive()
			.isLessThan(body.indexOf("Transferencia recibida"));
		assertThat(text(get(customer, "/banca/cuentas"))).contains("/banca/cuentas/" + account);
	}

	@Test
	void anotherCustomersAccountIsAnsweredLikeAnUnknownOne() {
		Enrolled customer = enrolled();
		Enrolled stranger = enrolled();
		long theirs = this.customers.accountIdOf(stranger.person());
		this.customers.addMovement(theirs, this.clock.instant(), "Depósito en efectivo", new BigDecimal("5.00"),
				new BigDecimal("15.00"));

		assertThat(get(customer, "/banca/cuentas/" + theirs)).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.doesNotContain("Depósito en efectivo");
		assertThat(get(customer, "/banca/cuentas/999999999")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get(customer, "/banca/cuentas/abc")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theCardsPageShowsCreditBalancesAndDebitCards() {
		Enrolled customer = enrol(this.customers.withCreditCard(CardState.ACTIVE));
		this.customers.setCreditBalance(customer.person(), new BigDecimal("5000.00"), new BigDecimal("320.40"),
				new BigDecimal("25.00"), LocalDate.of(2031, 3, 5));

		String body = text(get(customer, "/banca/tarjetas"));

		assertThat(body).contains("Tarjetas de crédito", "**** **** **** " + customer.person().cardNumber().substring(12),
				"$5,000.00", "$320.40", "$4,679.60", "$25.00", "05/03/2031");
	}

	@Test
	void theSecondFactorPageShowsTheFactorAndItsOptions() {
		Enrolled customer = enrolled();

		String body = text(get(customer, "/banca/servicios/segundo-factor"));

		assertThat(body).contains("Servicios Bancarios", "Segundo Factor Seguridad", "Clave temporal por SMS",
				"Activo", "Activación Token Digital", "/banca/servicios/segundo-factor/activacion", "Desbloqueo App",
				"/banca/servicios/segundo-factor/desbloqueo");
	}

	@Test
	void theHomeSpeaksEnglishWhenAskedTo() {
		Enrolled customer = enrolled();
		loggedInAt(customer, Instant.parse("2026-01-10T15:04:00Z"), "190.152.10.20");
		loggedInAt(customer, this.clock.instant(), "181.39.1.1");

		String body = text(get(customer, "/banca?lang=en"));

		assertThat(body).contains("Hello, Rosa", "Your last sign-in was on 2026-01-10 10:04", "Accounts",
				"Savings", "Banking Services", "Second Security Factor", "Profile")
			.doesNotContain("Hola,")
			.doesNotContain("??");
	}

	@Test
	void theDemoCustomersHaveWeeksOfMovementsEndingAtTheirBalances() {
		for (String number : new String[] { "2200123456", "2200654321", "2200777888", "1100555666" }) {
			long account = this.jdbc.sql("SELECT id FROM accounts WHERE number = ?").param(number).query(Long.class)
				.single();
			BigDecimal balance = this.jdbc.sql("SELECT balance FROM accounts WHERE id = ?")
				.param(account)
				.query(BigDecimal.class)
				.single();
			var movements = this.movements.latest(account, 50);
			assertThat(movements).hasSizeBetween(10, 20);
			assertThat(movements.get(0).balanceAfter()).isEqualByComparingTo(balance);
			for (int i = 0; i < movements.size() - 1; i++) {
				assertThat(movements.get(i + 1).balanceAfter().add(movements.get(i).amount()))
					.isEqualByComparingTo(movements.get(i).balanceAfter());
				assertThat(movements.get(i).balanceAfter().signum()).isPositive();
			}
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM cards WHERE kind = 'CREDIT' AND balance IS NOT NULL "
				+ "AND customer_id IN (SELECT id FROM customers WHERE cedula IN ('0602910945', '0926687856'))")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private MvcTestResult get(Enrolled customer, String uri) {
		return this.browser.exchange(this.mvc.get().uri(uri).with(signedIn(customer)));
	}

	private static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
