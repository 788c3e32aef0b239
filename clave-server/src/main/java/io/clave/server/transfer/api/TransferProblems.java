package io.clave.server.transfer.api;

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

/** RFC 9457 problems of the transfer API. */
@RestControllerAdvice(basePackageClasses = TransferProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TransferProblems extends ApiProblemHandlers {

	TransferProblems(MessageSource messages) {
		super(messages, "the transfer API", "Idempotency-Key", "transfer.api.idempotency-key");
	}

	ResponseEntity<ProblemDetail> of(HttpStatus status, String code, HttpServletRequest request) {
		return problem(status, code, Map.of(), request).build();
	}

	ResponseEntity<ProblemDetail> fields(Map<String, String> fieldErrors, HttpServletRequest request) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, FIELDS_REJECTED, fieldErrors, request).build();
	}

	ResponseEntity<ProblemDetail> wrongCode(String code, int attemptsLeft, HttpServletRequest request) {
		Problem problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, code, Map.of(), request);
		problem.detail().setProperty("attemptsLeft", attemptsLeft);
		return problem.build();
	}

}
