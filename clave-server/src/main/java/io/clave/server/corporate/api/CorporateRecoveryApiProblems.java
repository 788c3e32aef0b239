package io.clave.server.corporate.api;

import java.util.Map;

import io.clave.server.corporate.CorporateRecoveryOutcome;
import io.clave.server.corporate.CorporateRecoveryStart;
import io.clave.server.shared.problems.ApiProblemHandlers;
import io.clave.server.shared.problems.ProblemSupport;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The corporate recovery API's answers when something is refused or goes wrong, as RFC 9457 problem details (see
 * {@link ProblemSupport}); what Spring MVC refuses before the flow sees the request, and anything unexpected, is
 * answered by {@link ApiProblemHandlers}. Limited to {@link CorporateRecoveryApi}.
 */
@NullMarked
@RestControllerAdvice(assignableTypes = CorporateRecoveryApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorporateRecoveryApiProblems extends ApiProblemHandlers {

	CorporateRecoveryApiProblems(MessageSource messages) {
		super(messages, "the corporate recovery API", CorporateRecoveryApi.TOKEN_HEADER,
				"corporate.recovery.api.token.missing");
	}

	/** The first step did not start: badly formed fields one by one (400), or too many attempts (429). */
	ResponseEntity<ProblemDetail> startRefused(CorporateRecoveryStart outcome, HttpServletRequest request) {
		if (outcome.retryAfter().isPresent()) {
			Problem limited = problem(HttpStatus.TOO_MANY_REQUESTS, CorporateRecoveryStart.RATE_LIMITED, Map.of(),
					request);
			limited.headers().set(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfter().get().toSeconds()));
			return limited.build();
		}
		return problem(HttpStatus.BAD_REQUEST, FIELDS_REJECTED, outcome.fieldErrors(), request).build();
	}

	/**
	 * A step that did not advance.
	 * @param retryAfterSeconds for a key asked for during the cool-down, when a new one may be asked for
	 */
	ResponseEntity<ProblemDetail> stepRefused(CorporateRecoveryOutcome outcome, @Nullable Long retryAfterSeconds,
			HttpServletRequest request) {
		String code = outcome.error().isEmpty() ? FIELDS_REJECTED : outcome.error();
		HttpStatus status = switch (outcome.kind()) {
			case WRONG_STEP -> HttpStatus.CONFLICT;
			case OVER -> overStatus(code);
			default -> CorporateRecoveryOutcome.COOL_DOWN.equals(code)
					|| CorporateRecoveryOutcome.LIMIT_REACHED.equals(code) ? HttpStatus.TOO_MANY_REQUESTS
							: HttpStatus.BAD_REQUEST;
		};
		return stepProblem(status, code, outcome.fieldErrors(),
				outcome.kind() == CorporateRecoveryOutcome.Kind.OVER ? null : outcome.step().name(),
				retryAfterSeconds, request);
	}

	/** No recovery in progress for the token: unknown (404), or expired, cancelled, ended or finished (410). */
	ResponseEntity<ProblemDetail> over(String code, HttpServletRequest request) {
		return problem(overStatus(code), code, Map.of(), request).build();
	}

	private static HttpStatus overStatus(String code) {
		return CorporateRecoveryOutcome.NOT_FOUND.equals(code) ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
	}

}
