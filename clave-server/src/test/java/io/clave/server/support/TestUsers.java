package io.clave.server.support;

import java.util.Map;
import java.util.UUID;

import io.clave.server.corebanking.CardState;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.NewUser;
import io.clave.server.identity.SecondFactor;
import io.clave.server.identity.Users;
import io.clave.server.support.TestCustomers.Person;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Customers who already enrolled in online banking, for the tests of what comes after enrollment. */
@Component
public class TestUsers {

	public static final String PASSWORD = "Montana7Verde";

	public static final String IMAGE = "03-volcan";

	public static final String PHRASE = "Mi volcán favorito";

	/** The answers of every test user: q01 Firulais, q02 Cuenca, q03 Cajero. */
	public static final Map<String, String> ANSWERS = Map.of("q01", "Firulais", "q02", "Cuenca", "q03", "Cajero");

	private final TestCustomers customers;

	private final Users users;

	private final PasswordEncoder encoder;

	private final TransactionTemplate transactions;

	TestUsers(TestCustomers customers, Users users, PasswordEncoder encoder, TransactionTemplate transactions) {
		this.customers = customers;
		this.users = users;
		this.encoder = encoder;
		this.transactions = transactions;
	}

	public Enrolled enrolled() {
		return enrolled(SecondFactor.SMS_ONE_TIME_KEY);
	}

	public Enrolled enrolled(SecondFactor secondFactor) {
		Person person = this.customers.withDebitCard(CardState.ACTIVE);
		String username = "usr" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
		Map<String, String> answers = Map.of("q01", hash("Firulais"), "q02", hash("Cuenca"), "q03", hash("Cajero"));
		UUID id = this.transactions.execute(status -> this.users.register(new NewUser(person.customerId(), username,
				this.encoder.encode(PASSWORD), IMAGE, PHRASE, answers, secondFactor))).id();
		return new Enrolled(person, id, username);
	}

	private String hash(String answer) {
		return this.encoder.encode(ChallengeQuestions.normaliseAnswer(answer));
	}

	public record Enrolled(Person person, UUID userId, String username) {

		public String subject() {
			return "user:" + this.userId;
		}

	}

}
