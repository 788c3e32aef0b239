package io.clave.server.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import io.clave.server.corebanking.AccountKind;
import io.clave.server.corebanking.AccountMovements;
import io.clave.server.corebanking.Accounts;
import io.clave.server.corebanking.CardKind;
import io.clave.server.corebanking.CardState;
import io.clave.server.corebanking.Cards;
import io.clave.server.corebanking.Customers;
import io.clave.server.shared.Cedula;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;

import org.springframework.stereotype.Component;

/** Registers fresh customers with cards in the core-banking registry for one test. */
@Component
public class TestCustomers {

	public static final String PIN = "4826";

	private final Customers customers;

	private final Cards cards;

	private final Accounts accounts;

	private final AccountMovements movements;

	TestCustomers(Customers customers, Cards cards, Accounts accounts, AccountMovements movements) {
		this.customers = customers;
		this.cards = cards;
		this.accounts = accounts;
		this.movements = movements;
	}

	/** Someone with a debit card issued 03/2024, expiring 03/2030, and a savings account. */
	public Person withDebitCard(CardState state) {
		Person person = newPerson();
		this.cards.register(person.customerId(), CardKind.DEBIT, person.cardNumber(), PIN, LocalDate.of(2024, 3, 1),
				YearMonth.of(2030, 3), state);
		this.accounts.register(person.customerId(), AccountKind.SAVINGS, person.accountNumber(), BigDecimal.TEN);
		return person;
	}

	/** Someone with a credit card expiring 08/2029 and a savings account. */
	public Person withCreditCard(CardState state) {
		Person person = newPerson();
		this.cards.register(person.customerId(), CardKind.CREDIT, person.cardNumber(), PIN, LocalDate.of(2024, 8, 1),
				YearMonth.of(2029, 8), state);
		this.accounts.register(person.customerId(), AccountKind.SAVINGS, person.accountNumber(), BigDecimal.TEN);
		return person;
	}

	/** Someone whose debit card expired at the end of 01/2025. */
	public Person withExpiredDebitCard() {
		Person person = newPerson();
		this.cards.register(person.customerId(), CardKind.DEBIT, person.cardNumber(), PIN, LocalDate.of(2020, 1, 1),
				YearMonth.of(2025, 1), CardState.ACTIVE);
		return person;
	}

	/** The id of the savings account the person was registered with. */
	public long accountIdOf(Person person) {
		return this.accounts.findByNumber(person.accountNumber()).orElseThrow().id();
	}

	/** Opens one more account for the person; returns its id. */
	public long addAccount(Person person, AccountKind kind, BigDecimal balance) {
		return this.accounts.register(person.customerId(), kind, TestPeople.newAccountNumber(), balance);
	}

	/** Posts a movement on an account, with the balance after it as the core would compute it. */
	public long addMovement(long accountId, Instant postedAt, String description, BigDecimal amount,
			BigDecimal balanceAfter) {
		return this.movements.record(accountId, postedAt, description, amount, balanceAfter);
	}

	/** Issues one more credit card to the person, with its balance; returns its last four digits. */
	public String addCreditCard(Person person, BigDecimal creditLimit, BigDecimal owed, BigDecimal minimumPayment,
			LocalDate paymentDueDate) {
		String pan = TestPeople.newCardNumber("545721");
		long id = this.cards.register(person.customerId(), CardKind.CREDIT, pan, PIN, LocalDate.of(2024, 8, 1),
				YearMonth.of(2029, 8), CardState.ACTIVE);
		this.cards.updateCreditBalance(id, creditLimit, owed, minimumPayment, paymentDueDate);
		return pan.substring(pan.length() - 4);
	}

	/** Sets the balance of the person's own card, which must be a credit card (see {@link #withCreditCard}). */
	public void setCreditBalance(Person person, BigDecimal creditLimit, BigDecimal owed, BigDecimal minimumPayment,
			LocalDate paymentDueDate) {
		long id = this.cards.findByNumber(person.cardNumber()).orElseThrow().id();
		this.cards.updateCreditBalance(id, creditLimit, owed, minimumPayment, paymentDueDate);
	}

	private Person newPerson() {
		Cedula cedula = TestPeople.newCedula();
		PhoneNumber mobile = TestPeople.newMobile();
		EmailAddress email = TestPeople.newEmail();
		long id = this.customers.register(cedula, "Rosa Elvira", "Quishpe Tandazo", LocalDate.of(1988, 7, 14), email,
				mobile);
		return new Person(id, cedula, mobile, email, TestPeople.newCardNumber("421356"), TestPeople.newAccountNumber());
	}

	public record Person(long customerId, Cedula cedula, PhoneNumber mobile, EmailAddress email, String cardNumber,
			String accountNumber) {

		public String subject() {
			return "customer:" + this.customerId;
		}

	}

}
