package io.clave.server.transfer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.clave.server.authorization.AuthorizationMethod;
import io.clave.server.corebanking.AccountKind;
import io.clave.server.corebanking.Accounts;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCustomers;
import io.clave.server.support.TestTokens;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transfers as the customer makes them: checked, filed with an authorisation, authorised with the Token digital's
 * signing code over amount and destination (or a clave temporal whose SMS names them), then debited and credited in
 * one transaction, once, within the balance and the daily limit.
 */
class TransfersTests extends IntegrationTest {

	private static final ClientContext BROWSER = new ClientContext("190.152.10.20", "Firefox");

	private static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	@Autowired
	Transfers transfers;

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

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aTransferToAnotherCustomerSignedWithTheTokenMovesTheMoneyOnceAndTellsTheCustomer() {
		Enrolled maria = this.users.enrolled();
		byte[] seed = this.tokens.activate(maria);
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("500.00"));
		Enrolled rosa = this.users.enrolled();
		String to = rosa.person().accountNumber();
		BigDecimal rosaBefore = balanceOf(to);

		TransferPreparation prepared = prepare(maria, from, to, "125.50", "Arriendo", newKey());
		assertThat(prepared.kind()).isEqualTo(TransferPreparation.Kind.CREATED);
		TransferView transfer = prepared.transfer();
		assertThat(transfer.method()).isEqualTo(AuthorizationMethod.SOFT_TOKEN);
		assertThat(transfer.own()).isFalse();
		assertThat(transfer.toHolder()).isEqualTo("Rosa Q.");

		TransferOutcome outcome = confirm(maria, transfer.id(), this.tokens.signAt(seed, "125.50", to, 0));

		assertThat(outcome.kind()).isEqualTo(TransferOutcome.Kind.DONE);
		assertThat(balanceOf(from)).isEqualByComparingTo("374.50");
		assertThat(balanceOf(to)).isEqualByComparingTo(rosaBefore.add(new BigDecimal("125.50")));
		assertThat(movementsOf(from)).containsExactly("-125.50");
		assertThat(outcome.transfer().fromBalance()).isEqualByComparingTo("374.50");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(maria.person().mobile().e164())
				.stream()
				.anyMatch(sms -> sms.text().contains("transferiste $125.50")));
		assertThat(auditOf(maria)).contains("TRANSFER_REQUEST:SUCCESS", "TOKEN_SIGNATURE:SUCCESS",
				"AUTHORIZATION:SUCCESS", "TRANSFER:SUCCESS");
		// confirmed again (a reload, a second click): nothing moves twice
		assertThat(confirm(maria, transfer.id(), this.tokens.signAt(seed, "125.50", to, 0)).kind())
			.isEqualTo(TransferOutcome.Kind.DONE);
		assertThat(balanceOf(from)).isEqualByComparingTo("374.50");
		assertThat(movementsOf(from)).hasSize(1);
	}

	@Test
	void aCodeSignedForAnotherAmountOrAccountDoesNotAuthoriseTheTransfer() {
		Enrolled maria = this.users.enrolled();
		byte[] seed = this.tokens.activate(maria);
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("500.00"));
		String to = this.users.enrolled().person().accountNumber();
		String elsewhere = this.users.enrolled().person().accountNumber();
		TransferView transfer = prepare(maria, from, to, "100.00", "", newKey()).transfer();

		TransferOutcome otherAmount = confirm(maria, transfer.id(), this.tokens.signAt(seed, "10.00", to, 0));
		TransferOutcome otherAccount = confirm(maria, transfer.id(), this.tokens.signAt(seed, "100.00", elsewhere, 0));

		assertThat(otherAmount.kind()).isEqualTo(TransferOutcome.Kind.WRONG_CODE);
		assertThat(otherAmount.attemptsLeft()).isEqualTo(2);
		assertThat(otherAccount.kind()).isEqualTo(TransferOutcome.Kind.WRONG_CODE);
		assertThat(balanceOf(from)).isEqualByComparingTo("500.00");
		// the third wrong code refuses the transfer for good
		TransferOutcome third = confirm(maria, transfer.id(), "12345678");
		assertThat(third.kind()).isEqualTo(TransferOutcome.Kind.REFUSED);
		assertThat(third.messageKey()).isEqualTo("transfer.refused.authorization-over");
		assertThat(confirm(maria, transfer.id(), this.tokens.signAt(seed, "100.00", to, 0)).kind())
			.isEqualTo(TransferOutcome.Kind.REFUSED);
		assertThat(balanceOf(from)).isEqualByComparingTo("500.00");
		assertThat(movementsOf(from)).isEmpty();
	}

	@Test
	void aSigningCodeIsAcceptedOnceEvenForATransferOfTheSameAmountToTheSameAccount() {
		Enrolled maria = this.users.enrolled();
		byte[] seed = this.tokens.activate(maria);
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("500.00"));
		String to = this.users.enrolled().person().accountNumber();
		String code = this.tokens.signAt(seed, "20.00", to, 0);
		TransferView first = prepare(maria, from, to, "20.00", "", newKey()).transfer();
		TransferView second = prepare(maria, from, to, "20.00", "", newKey()).transfer();

		assertThat(confirm(maria, first.id(), code).kind()).isEqualTo(TransferOutcome.Kind.DONE);
		assertThat(confirm(maria, second.id(), code).kind()).isEqualTo(TransferOutcome.Kind.WRONG_CODE);

		assertThat(balanceOf(from)).isEqualByComparingTo("480.00");
		assertThat(auditReasonsOf(maria)).contains("replayed");
	}

	@Test
	void withoutATokenTheSmsKeyNamesTheAmountAndTheMaskedDestination() {
		Enrolled maria = this.users.enrolled();
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("80.00"));
		long savings = this.customers.addAccount(maria.person(), AccountKind.CHECKING, new BigDecimal("0.00"));
		String to = this.accounts.findById(savings).orElseThrow().number();
		int before = SMS.receivedBy(maria.person().mobile().e164()).size();

		TransferView transfer = prepare(maria, from, to, "80", "Ahorro", newKey()).transfer();

		assertThat(transfer.method()).isEqualTo(AuthorizationMethod.SMS_KEY);
		assertThat(transfer.own()).isTrue();
		String e164 = maria.person().mobile().e164();
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.codeAfter(e164, before, 6).isPresent());
		String sms = SMS.receivedBy(e164).get(before).text();
		assertThat(sms).contains("transferencia de $80.00 a la cuenta ******" + to.substring(to.length() - 4));
		String key = SMS.codeAfter(e164, before, 6).orElseThrow();

		assertThat(confirm(maria, transfer.id(), key).kind()).isEqualTo(TransferOutcome.Kind.DONE);
		assertThat(balanceOf(from)).isEqualByComparingTo("0.00");
		assertThat(balanceOf(savings)).isEqualByComparingTo("80.00");
	}

	@Test
	void aTransferAboveTheBalanceOrTheDailyLimitIsRefusedWithNothingWritten() {
		Enrolled maria = this.users.enrolled();
		byte[] seed = this.tokens.activate(maria);
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("9000.00"));
		String to = this.users.enrolled().person().accountNumber();
		int smsBefore = SMS.receivedBy(maria.person().mobile().e164()).size();

		TransferPreparation aboveBalance = prepare(maria, this.customers.accountIdOf(maria.person()), to, "10.01", "",
				newKey());
		TransferPreparation aboveOneTransfer = prepare(maria, from, to, "5000.01", "", newKey());
		assertThat(aboveBalance.fieldErrors()).containsEntry("amount", "transfer.amount.balance");
		assertThat(aboveOneTransfer.fieldErrors()).containsEntry("amount", "transfer.amount.max");
		assertThat(transfersOf(maria)).isZero();

		// two transfers of 3,000 both fit today's limit when asked for; the second is refused when it runs
		TransferView first = prepare(maria, from, to, "3000.00", "", newKey()).transfer();
		TransferView second = prepare(maria, from, to, "3000.00", "Otra", newKey()).transfer();
		assertThat(confirm(maria, first.id(), this.tokens.signAt(seed, "3000.00", to, 0)).kind())
			.isEqualTo(TransferOutcome.Kind.DONE);
		this.clock.advance(Duration.ofMinutes(1));
		TransferOutcome refused = confirm(maria, second.id(), this.tokens.signAt(seed, "3000.00", to, 0));

		assertThat(refused.kind()).isEqualTo(TransferOutcome.Kind.REFUSED);
		assertThat(refused.messageKey()).isEqualTo("transfer.refused.daily-limit");
		assertThat(balanceOf(from)).isEqualByComparingTo("6000.00");
		assertThat(movementsOf(from)).hasSize(1);
		assertThat(prepare(maria, from, to, "2000.01", "", newKey()).fieldErrors())
			.containsEntry("amount", "transfer.amount.daily-limit");
		assertThat(this.transfers.leftToday(maria.person().customerId())).isEqualByComparingTo("2000.00");
		// no SMS but the activation notices and the one receipt
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(maria.person().mobile().e164()).size() == smsBefore + 1);
	}

	@Test
	void badInputIsRefusedFieldByFieldAndLeavesNoRecord() {
		Enrolled maria = this.users.enrolled();
		long from = this.customers.accountIdOf(maria.person());
		Enrolled rosa = this.users.enrolled();

		assertThat(prepare(maria, from, "22abc", "1", "", newKey()).fieldErrors())
			.containsEntry("toAccount", "transfer.to.format");
		assertThat(prepare(maria, from, "2299999999999", "1", "", newKey()).fieldErrors())
			.containsEntry("toAccount", "transfer.to.unknown");
		assertThat(prepare(maria, from, maria.person().accountNumber(), "1", "", newKey()).fieldErrors())
			.containsEntry("toAccount", "transfer.to.same");
		for (String amount : List.of("abc", "-5", "0", "0.001", "1e3", "25,50", "")) {
			assertThat(prepare(maria, from, rosa.person().accountNumber(), amount, "", newKey()).fieldErrors())
				.as(amount)
				.containsKey("amount");
		}
		// someone else's account as the source is no account of hers
		long rosas = this.customers.accountIdOf(rosa.person());
		assertThat(prepare(maria, rosas, maria.person().accountNumber(), "1", "", newKey()).fieldErrors())
			.containsEntry("fromAccount", "transfer.from.required");
		assertThat(this.transfers.prepare(maria.userId(), maria.person().customerId(),
				new TransferRequest(null, null, null, "x".repeat(41), "short"), BROWSER, SPANISH)
			.fieldErrors()).containsKeys("idempotencyKey", "fromAccount", "toAccount", "amount", "description");
		assertThat(transfersOf(maria)).isZero();
		assertThat(prepare(maria, from, rosa.person().accountNumber(), "1,000.00", "", newKey()).fieldErrors())
			.containsEntry("amount", "transfer.amount.balance");
	}

	@Test
	void theSameRequestSentTwiceAtOnceIsOneTransferAndTwoConfirmationsAtOnceMoveTheMoneyOnce() throws Exception {
		Enrolled maria = this.users.enrolled();
		byte[] seed = this.tokens.activate(maria);
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("100.00"));
		String to = this.users.enrolled().person().accountNumber();
		String key = newKey();

		List<TransferPreparation> prepared = atOnce(4, () -> prepare(maria, from, to, "60.00", "", key));

		assertThat(prepared).extracting(p -> p.transfer().id()).containsOnly(prepared.get(0).transfer().id());
		assertThat(prepared).extracting(TransferPreparation::kind)
			.containsOnlyOnce(TransferPreparation.Kind.CREATED);
		assertThat(transfersOf(maria)).isOne();
		assertThat(prepare(maria, from, to, "61.00", "", key).kind()).isEqualTo(TransferPreparation.Kind.CONFLICT);

		UUID id = prepared.get(0).transfer().id();
		String code = this.tokens.signAt(seed, "60.00", to, 0);
		List<TransferOutcome> outcomes = atOnce(4, () -> confirm(maria, id, code));

		assertThat(outcomes).extracting(TransferOutcome::kind).containsOnly(TransferOutcome.Kind.DONE);
		assertThat(balanceOf(from)).isEqualByComparingTo("40.00");
		assertThat(movementsOf(from)).containsExactly("-60.00");
	}

	@Test
	void anotherCustomersTransferCannotBeSeenNorAuthorised() {
		Enrolled maria = this.users.enrolled();
		byte[] seed = this.tokens.activate(maria);
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("50.00"));
		Enrolled rosa = this.users.enrolled();
		String to = rosa.person().accountNumber();
		TransferView transfer = prepare(maria, from, to, "5.00", "", newKey()).transfer();

		assertThat(this.transfers.find(transfer.id(), rosa.person().customerId())).isEmpty();
		assertThat(this.transfers.confirm(transfer.id(), rosa.userId(), rosa.person().customerId(),
				this.tokens.signAt(seed, "5.00", to, 0), BROWSER, SPANISH).kind())
			.isEqualTo(TransferOutcome.Kind.UNKNOWN);
		assertThat(balanceOf(from)).isEqualByComparingTo("50.00");
	}

	@Test
	void aTokenLockedOnTheServerCannotSignAndNewTransfersFallBackToAnSmsKey() {
		Enrolled maria = this.users.enrolled();
		byte[] seed = this.tokens.activate(maria);
		long from = this.customers.addAccount(maria.person(), AccountKind.SAVINGS, new BigDecimal("50.00"));
		String to = this.users.enrolled().person().accountNumber();
		TransferView transfer = prepare(maria, from, to, "5.00", "", newKey()).transfer();
		assertThat(transfer.method()).isEqualTo(AuthorizationMethod.SOFT_TOKEN);
		this.jdbc.sql("UPDATE soft_tokens SET state = 'LOCKED' WHERE user_id = ? AND state = 'ACTIVE'")
			.param(maria.userId())
			.update();

		TransferOutcome outcome = confirm(maria, transfer.id(), this.tokens.signAt(seed, "5.00", to, 0));

		assertThat(outcome.kind()).isEqualTo(TransferOutcome.Kind.TOKEN_LOCKED);
		assertThat(outcome.messageKey()).isEqualTo("transfer.code.token-locked");
		assertThat(balanceOf(from)).isEqualByComparingTo("50.00");
		assertThat(prepare(maria, from, to, "5.00", "", newKey()).transfer().method())
			.isEqualTo(AuthorizationMethod.SMS_KEY);
	}

	private TransferPreparation prepare(Enrolled user, long from, String to, String amount, String description,
			String key) {
		return this.transfers.prepare(user.userId(), user.person().customerId(),
				new TransferRequest(Long.toString(from), to, amount, description, key), BROWSER, SPANISH);
	}

	private TransferOutcome confirm(Enrolled user, UUID id, String code) {
		return this.transfers.confirm(id, user.userId(), user.person().customerId(), code, BROWSER, SPANISH);
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	private BigDecimal balanceOf(long accountId) {
		return this.accounts.findById(accountId).orElseThrow().balance();
	}

	private BigDecimal balanceOf(String number) {
		return this.accounts.findByNumber(number).orElseThrow().balance();
	}

	private List<String> movementsOf(long accountId) {
		return this.jdbc.sql("SELECT amount::text FROM account_movements WHERE account_id = ? ORDER BY id")
			.param(accountId)
			.query(String.class)
			.list();
	}

	private long transfersOf(Enrolled user) {
		return this.jdbc.sql("SELECT count(*) FROM transfers WHERE user_id = ?")
			.param(user.userId())
			.query(Long.class)
			.single();
	}

	private List<String> auditOf(Enrolled user) {
		return this.jdbc.sql("SELECT type || ':' || outcome FROM audit_events WHERE subject = ? ORDER BY id")
			.param(user.subject())
			.query(String.class)
			.list();
	}

	private List<String> auditReasonsOf(Enrolled user) {
		return this.jdbc.sql("SELECT details->>'reason' FROM audit_events WHERE subject = ? AND details->>'reason' IS NOT NULL")
			.param(user.subject())
			.query(String.class)
			.list();
	}

	private static <T> List<T> atOnce(int count, Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
