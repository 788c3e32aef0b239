package io.clave.server.corporate.api;

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

/** RFC 9457 problems of the corporate users API. */
@RestControllerAdvice(basePackageClasses = UserAdministrationProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserAdministrationProblems extends ApiProblemHandlers {

	UserAdministrationProblems(MessageSource messages) {
		super(messages, "the corporate users API", "X-Auth-Token", "api.request.invalid");
	}

	ResponseEntity<ProblemDetail> of(HttpStatus status, String code, HttpServletRequest request) {
		return problem(status, code, Map.of(), request).build();
	}

	ResponseEntity<ProblemDetail> fields(HttpStatus status, String code, Map<String, String> fieldErrors,
			HttpServletRequest request) {
		return problem(status, code, fieldErrors, request).build();
	}

	ResponseEntity<ProblemDetail> wrongKey(String code, int attemptsLeft, HttpServletRequest request) {
		Problem problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, code, Map.of(), request);
		problem.detail().setProperty("attemptsLeft", attemptsLeft);
		return problem.build();
	}

}
