package io.clave.server.transfer.web;

import java.math.BigDecimal;
import java.util.UUID;

import io.clave.server.corebanking.AccountKind;
import io.clave.server.corebanking.Accounts;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.TestCustomers;
import io.clave.server.support.TestTokens;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** "Transferencias" as a signed-in customer walks it: the form, the authorisation with the Token digital, the receipt. */
class TransferPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	TestTokens tokens;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerTransfersToAnotherCustomerAndAuthorisesWithTheSigningCode() {
		Enrolled maria = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc).signIn(maria);
		byte[] seed = this.tokens.activate(maria);
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("300.00"));
		Enrolled rosa = this.users.enrolled();
		String to = rosa.person().accountNumber();

		assertThat(browser.get("/banca/transferencias")).bodyText()
			.contains("Transferencias", "Desde la cuenta", "A la cuenta de otra persona de Banco Clave", "$300.00",
					"Hoy puedes transferir hasta $5,000.00");
		String key = UUID.randomUUID().toString();
		MvcTestResult filed = browser.post("/banca/transferencias", "idempotencyKey", key, "fromAccount",
				Long.toString(from), "destination", "other", "toAccount", to, "amount", "45.00", "description",
				"Almuerzo");
		String page = filed.getResponse().getRedirectedUrl();
		assertThat(page).startsWith("/banca/transferencias/");
		// the same form sent again (a double click) is the same transfer
		assertThat(browser.post("/banca/transferencias", "idempotencyKey", key, "fromAccount", Long.toString(from),
				"destination", "other", "toAccount", to, "amount", "45.00", "description", "Almuerzo"))
			.hasRedirectedUrl(page);

		assertThat(browser.get(page)).bodyText()
			.contains("Confirma tu transferencia", "Firmar transacción", "el monto 45.00 y la cuenta destino " + to,
					"Rosa Q.", "$45.00", "Almuerzo");
		assertThat(browser.post(page + "/autorizacion", "code", "1234567")).bodyText()
			.contains("El código no es correcto", "Te quedan 2 intentos");
		assertThat(browser.post(page + "/autorizacion", "code", "12ab")).bodyText()
			.contains("Escribe el código: solo dígitos.");
		assertThat(browser.post(page + "/autorizacion", "code", this.tokens.signAt(seed, "45.00", to, 0)))
			.hasRedirectedUrl(page);

		assertThat(browser.get(page)).bodyText()
			.contains("Transferencia realizada", "Tu transferencia se realizó con éxito", "$255.00", "TRF-");
		assertThat(this.accounts.findById(from).orElseThrow().balance()).isEqualByComparingTo("255.00");
		assertThat(browser.get("/banca")).bodyText().contains("$255.00");
		assertThat(browser.get("/banca/transferencias")).bodyText().contains("Últimas transferencias", "Realizada");
	}

	@Test
	void theFormSaysWhatIsWrongInThePagesLanguageAndFilesNothing() {
		Enrolled maria = this.users.enrolled();
		WebSession browser = new WebSession(this.mvc).signIn(maria);
		long from = this.customers.accountIdOf(maria.person());

		assertThat(browser.post("/banca/transferencias", "idempotencyKey", UUID.randomUUID().toString(),
				"fromAccount", Long.toString(from), "destination", "other", "toAccount", "12", "amount", "abc"))
			.bodyText()
			.contains("Escribe el número de cuenta: de 6 a 20 dígitos.",
					"Escribe el monto en dólares con hasta dos decimales");
		assertThat(browser.post("/banca/transferencias?lang=en", "idempotencyKey", UUID.randomUUID().toString(),
				"fromAccount", Long.toString(from), "destination", "other", "toAccount",
				this.users.enrolled().person().accountNumber(), "amount", "10.01"))
			.bodyText()
			.contains("The amount is above the available balance of the source account.");
		// a form from nowhere: no key, an account that is not hers
		assertThat(browser.post("/banca/transferencias", "fromAccount", "999999999", "amount", "1")).bodyText()
			.contains("Elige una de tus cuentas.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM transfers WHERE user_id = ?")
			.param(maria.userId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anotherCustomersTransferIsNotShownAndTheTransferPagesNeedASignedInCustomer() {
		Enrolled maria = this.users.enrolled();
		WebSession mariasBrowser = new WebSession(this.mvc).signIn(maria);
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("20.00"));
		String page = mariasBrowser.post("/banca/transferencias", "idempotencyKey", UUID.randomUUID().toString(),
				"fromAccount", Long.toString(from), "destination", "own", "toOwnAccount",
				Long.toString(this.customers.accountIdOf(maria.person())), "amount", "5")
			.getResponse()
			.getRedirectedUrl();
		assertThat(mariasBrowser.get(page)).bodyText().contains("Te enviamos por SMS una clave temporal", "tu cuenta");

		WebSession rosasBrowser = new WebSession(this.mvc).signIn(this.users.enrolled());
		assertThat(rosasBrowser.get(page)).hasRedirectedUrl("/banca/transferencias");
		assertThat(rosasBrowser.post(page + "/autorizacion", "code", "123456")).hasRedirectedUrl("/banca/transferencias");
		assertThat(rosasBrowser.get("/banca/transferencias/no-es-un-id")).hasRedirectedUrl("/banca/transferencias");

		assertThat(new WebSession(this.mvc).get("/banca/transferencias")).redirectedUrl().contains("/ingreso");
	}

}
