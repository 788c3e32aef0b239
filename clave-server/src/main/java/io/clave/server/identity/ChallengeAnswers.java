package io.clave.server.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A user's challenge questions and the check of an answer, which is kept only as an Argon2id hash. */
@Component
public class ChallengeAnswers {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	ChallengeAnswers(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	/** The ids of the questions the user answered, in a stable order. */
	public List<String> questionsOf(UUID userId) {
		return this.jdbc.sql("SELECT question_id FROM challenge_answers WHERE user_id = ? ORDER BY question_id")
			.param(userId)
			.query(String.class)
			.list();
	}

	public boolean matches(UUID userId, String questionId, String answer) {
		Optional<String> hash = this.jdbc.sql("SELECT answer_hash FROM challenge_answers WHERE user_id = ? AND question_id = ?")
			.params(userId, questionId)
			.query(String.class)
			.optional();
		return hash.isPresent() && this.encoder.matches(ChallengeQuestions.normaliseAnswer(answer), hash.get());
	}

	/** Replaces all answers; the caller has checked the questions and answers against the rules of enrollment. */
	@Transactional
	public void replace(UUID userId, Map<String, String> answersByQuestion) {
		this.jdbc.sql("DELETE FROM challenge_answers WHERE user_id = ?").param(userId).update();
		answersByQuestion.forEach((question, answer) -> this.jdbc
			.sql("INSERT INTO challenge_answers (user_id, question_id, answer_hash) VALUES (?, ?, ?)")
			.params(userId, question, this.encoder.encode(ChallengeQuestions.normaliseAnswer(answer)))
			.update());
	}

}
