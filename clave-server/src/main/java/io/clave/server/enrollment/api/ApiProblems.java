package io.clave.server.enrollment.api;

import java.util.Map;

import io.clave.server.enrollment.CardCheckOutcome;
import io.clave.server.enrollment.StepOutcome;
import io.clave.server.shared.problems.ApiProblemHandlers;
import io.clave.server.shared.problems.ProblemSupport;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's answers when something is refused or goes wrong, as RFC 9457 problem details (see
 * {@link ProblemSupport}): it maps the flow's outcomes (for {@link EnrollmentApi}) to problems; what Spring MVC
 * refuses before the flow sees the request, and anything unexpected, is answered by {@link ApiProblemHandlers}.
 * <p>
 * Limited to this package: the pages keep their own error handling.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ApiProblemHandlers {

	ApiProblems(MessageSource messages) {
		super(messages, "the enrollment API", EnrollmentApi.TOKEN_HEADER, "api.token.missing");
	}

	// ---- the flow's outcomes ----------------------------------------------------------------------------------

	ResponseEntity<ProblemDetail> cardRefused(CardCheckOutcome outcome, HttpServletRequest request) {
		if (!outcome.fieldErrors().isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, FIELDS_REJECTED, outcome.fieldErrors(), request).build();
		}
		HttpStatus status = switch (outcome.error()) {
			// the customer may not enrol with this card, or not at all: log in or recover instead
			case "enrollment.card.blocked-for-enrollment", "enrollment.card.not-usable",
					"enrollment.customer.already-enrolled" ->
				HttpStatus.FORBIDDEN;
			// wrong card data: one generic answer that does not say which field was wrong
			default -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		return problem(status, outcome.error(), Map.of(), request).build();
	}

	/**
	 * A step that did not advance.
	 * @param retryAfterSeconds for a key asked for during the cool-down, when a new one may be asked for
	 */
	ResponseEntity<ProblemDetail> stepRefused(StepOutcome outcome, @Nullable Long retryAfterSeconds,
			HttpServletRequest request) {
		String code = outcome.error().isEmpty() ? FIELDS_REJECTED : outcome.error();
		HttpStatus status = switch (outcome.kind()) {
			case WRONG_STEP -> HttpStatus.CONFLICT;
			case OVER -> HttpStatus.GONE;
			default -> switch (code) {
				case "enrollment.key.cool-down", "enrollment.key.limit-reached" -> HttpStatus.TOO_MANY_REQUESTS;
				default -> HttpStatus.BAD_REQUEST;
			};
		};
		return stepProblem(status, code, outcome.fieldErrors(),
				outcome.kind() == StepOutcome.Kind.OVER ? null : outcome.step().name(), retryAfterSeconds, request);
	}

	/** No enrollment in progress for the token: expired, cancelled, ended, finished or unknown. */
	ResponseEntity<ProblemDetail> over(String code, HttpServletRequest request) {
		return problem(HttpStatus.GONE, code, Map.of(), request).build();
	}

}
