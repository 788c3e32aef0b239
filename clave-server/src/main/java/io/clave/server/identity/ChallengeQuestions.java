package io.clave.server.identity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The challenge questions a customer picks three of at enrollment. The bank's instructions ask for them; NIST SP
 * 800-63B and OWASP ASVS do not accept knowledge-based answers as an authentication factor, so Clave uses them only
 * as an extra check inside flows that already have a real factor, never alone. Answers are normalised (case, accents,
 * spaces) and hashed like passwords.
 */
@Component
public class ChallengeQuestions {

	public static final int REQUIRED_ANSWERS = 3;

	public static final int MAX_ANSWER_LENGTH = 60;

	private final List<ChallengeQuestion> questions;

	ChallengeQuestions() {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(
				new ClassPathResource("identity/challenge-questions.properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The challenge question list is missing", ex);
		}
		List<ChallengeQuestion> loaded = new ArrayList<>();
		for (String id : properties.stringPropertyNames()) {
			String[] texts = properties.getProperty(id).split("\\|", 2);
			loaded.add(new ChallengeQuestion(id, texts[0].strip(), texts.length > 1 ? texts[1].strip() : texts[0]));
		}
		loaded.sort(Comparator.comparing(ChallengeQuestion::id));
		this.questions = List.copyOf(loaded);
	}

	public List<ChallengeQuestion> all() {
		return this.questions;
	}

	public Optional<ChallengeQuestion> find(String id) {
		return this.questions.stream().filter(question -> question.id().equals(id)).findFirst();
	}

	/** "  José  PÉREZ " and "jose perez" are the same answer. */
	public static String normaliseAnswer(String answer) {
		String decomposed = Normalizer.normalize(answer, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return decomposed.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
	}

}
