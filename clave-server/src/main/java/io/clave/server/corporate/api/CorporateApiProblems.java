package io.clave.server.corporate.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clave.server.corporate.CorporateLoginOutcome;
import io.clave.server.corporate.CredentialRule;
import io.clave.server.shared.problems.ApiProblemHandlers;
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
 * The corporate API's refusals as RFC 9457 problems whose {@code code} is the message code of the pages (and whose
 * {@code errors} name the fields of the definitive credentials); what Spring MVC refuses before the controllers see
 * the request, and anything unexpected, is answered by {@link ApiProblemHandlers}. Never a stack trace.
 */
@RestControllerAdvice(assignableTypes = { CorporateLoginApi.class, PortalApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorporateApiProblems extends ApiProblemHandlers {

	CorporateApiProblems(MessageSource messages) {
		super(messages, "the corporate API", CorporateLoginApi.TOKEN_HEADER, "corporate.login.api.token-missing");
	}

	/** A step of the login that did not advance. */
	ResponseEntity<ProblemDetail> refused(CorporateLoginOutcome outcome, HttpServletRequest request) {
		String code = outcome.messageKey() == null ? "corporate.login.failed" : outcome.messageKey();
		HttpStatus status = switch (outcome.kind()) {
			case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
			case OVER -> "corporate.login.locked".equals(code) ? HttpStatus.LOCKED
					: "corporate.login.credentials-expired".equals(code) ? HttpStatus.FORBIDDEN : HttpStatus.GONE;
			default -> switch (code) {
				case "corporate.login.failed", "corporate.login.key.wrong" -> HttpStatus.UNAUTHORIZED;
				case "corporate.login.credentials-expired" -> HttpStatus.FORBIDDEN;
				case "corporate.login.key.not-yet", "corporate.login.key.limit-reached" -> HttpStatus.TOO_MANY_REQUESTS;
				default -> outcome.rules().isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
			};
		};
		Problem problem = problem(status, outcome.rules().isEmpty() ? code : FIELDS_REJECTED,
				fields(outcome.rules()), request);
		retryAfter(problem, status, outcome.retryAfter());
		return problem.build();
	}

	/** A request the signed-in user may not make (another profile, a profile outside the user's). */
	ResponseEntity<ProblemDetail> forbidden(String code, HttpServletRequest request) {
		return problem(HttpStatus.FORBIDDEN, code, Map.of(), request).build();
	}

	ResponseEntity<ProblemDetail> badRequest(String code, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, code, Map.of(), request).build();
	}

	private static Map<String, String> fields(List<CredentialRule> rules) {
		Map<String, String> fields = new LinkedHashMap<>();
		rules.forEach(rule -> fields.putIfAbsent(rule.field(), rule.messageKey()));
		return fields;
	}

	private static void retryAfter(Problem problem, HttpStatus status, @Nullable Duration retryAfter) {
		if (retryAfter != null && status == HttpStatus.TOO_MANY_REQUESTS) {
			problem.headers().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
		}
	}

}
