package io.clave.server.recovery;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.NewUser;
import io.clave.server.identity.SecondFactor;
import io.clave.server.identity.User;
import io.clave.server.identity.Users;
import io.clave.server.support.TestCustomers.Person;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Online-banking users for the recovery tests, as enrollment would have left them: a known password and answers to
 * three challenge questions; and a way to read the e-mails they received.
 */
public final class EnrolledUsers {

	public static final String OLD_PASSWORD = "Montana7Verde";

	public static final String NEW_PASSWORD = "Cotopaxi5Nieve";

	/** Question id to the answer given at enrollment. */
	public static final Map<String, String> ANSWERS = answers();

	private final Users users;

	private final PasswordEncoder encoder;

	private final TransactionTemplate transaction;

	public EnrolledUsers(Users users, PasswordEncoder encoder, PlatformTransactionManager transactions) {
		this.users = users;
		this.encoder = encoder;
		this.transaction = new TransactionTemplate(transactions);
	}

	public User enrol(Person person) {
		String username = "recu" + String.format("%08d", person.customerId() % 100_000_000);
		Map<String, String> hashes = new LinkedHashMap<>();
		ANSWERS.forEach((question, answer) -> hashes.put(question,
				this.encoder.encode(ChallengeQuestions.normaliseAnswer(answer))));
		return this.transaction.execute(status -> this.users.register(new NewUser(person.customerId(), username,
				this.encoder.encode(OLD_PASSWORD), "03-volcan", "Mi volcán", hashes, SecondFactor.SMS_ONE_TIME_KEY)));
	}

	/** The answer to whichever of the three questions a page shows (by its Spanish or English text). */
	public static Optional<String> answerFor(String html, ChallengeQuestions questions) {
		String page = HtmlUtils.htmlUnescape(html);
		return ANSWERS.entrySet()
			.stream()
			.filter(entry -> questions.find(entry.getKey())
				.map(question -> page.contains(question.textEs()) || page.contains(question.textEn()))
				.orElse(false))
			.map(Map.Entry::getValue)
			.findFirst();
	}

	public static List<MimeMessage> mailsTo(GreenMail mail, String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
			try {
				Address[] recipients = message.getAllRecipients();
				return recipients != null && Arrays.stream(recipients).anyMatch(to -> to.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** The content of the first part of this type, searched through nested multiparts. */
	public static String part(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static Map<String, String> answers() {
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("q01", "Firulais");
		answers.put("q02", "Cuenca");
		answers.put("q03", "Cajero");
		return Map.copyOf(answers);
	}

}
