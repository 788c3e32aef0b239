package io.clave.server.banking;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.corebanking.CardState;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.LoginHistory;
import io.clave.server.identity.NewUser;
import io.clave.server.identity.SecondFactor;
import io.clave.server.identity.Users;
import io.clave.server.login.SignedInCustomer;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestCustomers;
import io.clave.server.support.TestCustomers.Person;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * What the banking tests share: enrolled customers made in one step (the enrollment flow has its own tests), a
 * signed-in request as the login leaves it, the audit trail and the e-mails received.
 */
public abstract class BankingTest extends IntegrationTest {

	public static final String PASSWORD = "Montana7Verde";

	@Autowired
	protected TestCustomers customers;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected AuditTrail audit;

	@Autowired
	protected MovableClock clock;

	@Autowired
	protected LoginHistory logins;

	@Autowired
	private Users users;

	@Autowired
	private PasswordEncoder encoder;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** An online-banking customer: the person of the core and their user. */
	public record Enrolled(Person person, UUID userId, String username) {

		public String subject() {
			return "user:" + this.userId;
		}

		public SignedInCustomer principal(Instant at) {
			return new SignedInCustomer(this.userId, this.person.customerId(), this.username, at);
		}

	}

	/** Someone with a debit card, a savings account and a user; their password is {@link #PASSWORD}. */
	protected Enrolled enrolled() {
		return enrol(this.customers.withDebitCard(CardState.ACTIVE));
	}

	protected Enrolled enrol(Person person) {
		String username = "cliente" + person.customerId();
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("q01", this.encoder.encode(ChallengeQuestions.normaliseAnswer("Quito")));
		answers.put("q02", this.encoder.encode(ChallengeQuestions.normaliseAnswer("Firulais")));
		answers.put("q03", this.encoder.encode(ChallengeQuestions.normaliseAnswer("Azul")));
		UUID id = new TransactionTemplate(this.transactionManager).execute(status -> this.users
			.register(new NewUser(person.customerId(), username, this.encoder.encode(PASSWORD), "01-faro", "Mi faro",
					answers, SecondFactor.SMS_ONE_TIME_KEY))
			.id());
		return new Enrolled(person, id, username);
	}

	/** A request of the customer's session, as the login leaves it; also records the login as the login does. */
	protected RequestPostProcessor signedIn(Enrolled customer) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(customer.principal(this.clock.instant()),
				null, List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))));
	}

	protected void loggedInAt(Enrolled customer, Instant at, String ipAddress) {
		this.logins.record(customer.userId(), at, new ClientContext(ipAddress, "JUnit"));
	}

	protected List<String> auditTypes(Enrolled customer, Outcome outcome) {
		return this.audit.forSubject(customer.subject(), 100)
			.stream()
			.filter(event -> event.outcome() == outcome)
			.map(RecordedAuditEvent::type)
			.toList();
	}

	protected List<RecordedAuditEvent> auditEvents(Enrolled customer) {
		return this.audit.forSubject(customer.subject(), 100);
	}

	protected static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch(to -> to.toString().equals(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
