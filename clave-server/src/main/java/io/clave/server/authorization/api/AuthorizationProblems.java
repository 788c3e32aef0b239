package io.clave.server.authorization.api;

import java.util.Map;

import io.clave.server.shared.problems.ApiProblemHandlers;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problems of the authorisation API. */
@RestControllerAdvice(basePackageClasses = AuthorizationProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthorizationProblems extends ApiProblemHandlers {

	AuthorizationProblems(MessageSource messages) {
		super(messages, "the authorization API", "X-Unused-Header", "authorization.api.bad-request");
	}

	ResponseEntity<ProblemDetail> of(HttpStatus status, String code, HttpServletRequest request) {
		return problem(status, code, Map.of(), request).build();
	}

	ResponseEntity<ProblemDetail> wrongCode(String code, int attemptsLeft, HttpServletRequest request) {
		Problem problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, code, Map.of(), request);
		problem.detail().setProperty("attemptsLeft", attemptsLeft);
		return problem.build();
	}

}
