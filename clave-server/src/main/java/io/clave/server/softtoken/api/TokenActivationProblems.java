package io.clave.server.softtoken.api;

import java.util.Map;

import io.clave.server.shared.problems.ApiProblemHandlers;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problems of the activation call. */
@RestControllerAdvice(basePackageClasses = TokenActivationProblems.class)
class TokenActivationProblems extends ApiProblemHandlers {

	TokenActivationProblems(MessageSource messages) {
		super(messages, "the token activation API", "X-Unused-Token", "token.activation.bad-request");
	}

	ResponseEntity<ProblemDetail> badRequest(HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "token.activation.bad-request", Map.of(), request).build();
	}

	ResponseEntity<ProblemDetail> wrongCode(int attemptsLeft, HttpServletRequest request) {
		Problem problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "token.activation.code-wrong", Map.of(), request);
		problem.detail().setProperty("attemptsLeft", attemptsLeft);
		return problem.build();
	}

	ResponseEntity<ProblemDetail> over(HttpServletRequest request) {
		return problem(HttpStatus.GONE, "token.activation.over", Map.of(), request).build();
	}

}
