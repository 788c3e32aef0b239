package io.clave.server.recovery.api;

import java.util.Map;

import io.clave.server.recovery.RecoveryOutcome;
import io.clave.server.recovery.RecoveryStart;
import io.clave.server.shared.problems.ApiProblemHandlers;
import io.clave.server.shared.problems.ProblemSupport;
import jakarta.servlet.http.HttpServletRequest;
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
 * The API's answers when something is refused or goes wrong, as RFC 9457 problem details (see
 * {@link ProblemSupport}): it maps the flow's outcomes (for {@link RecoveryApi}) to problems; what Spring MVC
 * refuses before the flow sees the request, and anything unexpected, is answered by {@link ApiProblemHandlers}.
 * <p>
 * Limited to this package: the pages keep their own error handling.
 */
@RestControllerAdvice(basePackageClasses = RecoveryApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecoveryApiProblems extends ApiProblemHandlers {

	RecoveryApiProblems(MessageSource messages) {
		super(messages, "the recovery API", RecoveryApi.TOKEN_HEADER, "recovery.api.token.missing");
	}

	// ---- the flow's outcomes ----------------------------------------------------------------------------------

	/**
	 * The card step did not start a recovery: badly formed fields one by one (400), anything else with the one
	 * generic answer (422), whatever was wrong, so that the answer tells nobody whether a customer, card or user
	 * exists.
	 */
	ResponseEntity<ProblemDetail> cardRefused(RecoveryStart outcome, HttpServletRequest request) {
		if (!outcome.fieldErrors().isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, FIELDS_REJECTED, outcome.fieldErrors(), request).build();
		}
		if (outcome.retryAfter().isPresent()) {
			Problem limited = problem(HttpStatus.TOO_MANY_REQUESTS, RecoveryStart.RATE_LIMITED, Map.of(), request);
			limited.headers().set(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfter().get().toSeconds()));
			return limited.build();
		}
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, RecoveryStart.REFUSED, Map.of(), request).build();
	}

	/**
	 * A step that did not advance.
	 * @param retryAfterSeconds for a key asked for during the cool-down, when a new one may be asked for
	 */
	ResponseEntity<ProblemDetail> stepRefused(RecoveryOutcome outcome, @Nullable Long retryAfterSeconds,
			HttpServletRequest request) {
		String code = outcome.error().isEmpty() ? FIELDS_REJECTED : outcome.error();
		HttpStatus status = switch (outcome.kind()) {
			case WRONG_STEP -> HttpStatus.CONFLICT;
			case OVER -> overStatus(code);
			default -> switch (code) {
				case "recovery.key.cool-down", "recovery.key.limit-reached" -> HttpStatus.TOO_MANY_REQUESTS;
				default -> HttpStatus.BAD_REQUEST;
			};
		};
		return stepProblem(status, code, outcome.fieldErrors(),
				outcome.kind() == RecoveryOutcome.Kind.OVER ? null : outcome.step().name(), retryAfterSeconds, request);
	}

	/** No recovery in progress for the token: unknown (404), or expired, cancelled, ended or finished (410). */
	ResponseEntity<ProblemDetail> over(String code, HttpServletRequest request) {
		return problem(overStatus(code), code, Map.of(), request).build();
	}

	/** Asked for something of another step than the current one. */
	ResponseEntity<ProblemDetail> wrongStep(RecoveryOutcome outcome, HttpServletRequest request) {
		return stepRefused(outcome, null, request);
	}

	private static HttpStatus overStatus(String code) {
		return "recovery.not-found".equals(code) ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
	}

}
