package io.clave.server.banking;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.clave.server.corebanking.AccountMovements;
import io.clave.server.corebanking.Accounts;
import io.clave.server.corebanking.Card;
import io.clave.server.corebanking.CardKind;
import io.clave.server.corebanking.Cards;
import io.clave.server.corebanking.Customer;
import io.clave.server.corebanking.Customers;
import io.clave.server.identity.LoginHistory;
import io.clave.server.identity.LoginRecord;
import io.clave.server.identity.SecondFactor;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.softtoken.SoftTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in customer sees of their money: the home, each account's last movements, the cards, the second
 * factor. Every read is bounded to the customer of the session; an account of someone else is answered exactly like
 * an account that does not exist.
 */
@Service
public class BankingHome {

	private final Customers customers;

	private final Accounts accounts;

	private final AccountMovements movements;

	private final Cards cards;

	private final Users users;

	private final LoginHistory logins;

	private final BankingSettings settings;

	private final SoftTokens tokens;

	private final Clock clock;

	BankingHome(Customers customers, Accounts accounts, AccountMovements movements, Cards cards, Users users,
			LoginHistory logins, BankingSettings settings, SoftTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.customers = customers;
		this.accounts = accounts;
		this.movements = movements;
		this.cards = cards;
		this.users = users;
		this.logins = logins;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public HomeView home(SignedInCustomer signedIn) {
		Customer customer = this.customers.findById(signedIn.customerId()).orElseThrow();
		// the login records the current login before the home is shown: the previous one is the second
		List<LoginRecord> recent = this.logins.recent(signedIn.userId(), 2);
		Optional<LoginRecord> previous = recent.size() < 2 ? Optional.empty() : Optional.of(recent.get(1));
		return new HomeView(customer.firstNames(), customer.fullName(), signedIn.username(), previous,
				this.accounts.ofCustomer(customer.id()), debitCards(customer.id()),
				this.cards.creditBalancesOf(customer.id()));
	}

	/** The account's last movements, or empty when the account is unknown or not the customer's. */
	@Transactional(readOnly = true)
	public Optional<Statement> statement(long customerId, long accountId) {
		return statement(customerId, accountId, this.settings.movementsShown());
	}

	@Transactional(readOnly = true)
	public Optional<Statement> statement(long customerId, long accountId, int count) {
		return this.accounts.findOwned(customerId, accountId)
			.map(account -> new Statement(account, this.movements.latest(account.id(), count)));
	}

	public List<Card> debitCards(long customerId) {
		return this.cards.forCustomer(customerId).stream().filter(card -> card.kind() == CardKind.DEBIT).toList();
	}

	public SecondFactorView secondFactor(UUID userId) {
		User user = this.users.findById(userId).orElseThrow();
		Customer customer = this.customers.findById(user.customerId()).orElseThrow();
		return new SecondFactorView(user.secondFactor(), user.secondFactor() == SecondFactor.SOFT_TOKEN_PENDING,
				user.lockedAt(this.clock.instant()), customer.mobilePhone().masked(),
				user.secondFactor() != SecondFactor.SOFT_TOKEN || this.tokens.signsTransactions(userId));
	}

}
