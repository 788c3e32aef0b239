package io.clave.server.banking.api;

import java.util.Map;

import io.clave.server.shared.problems.ProblemSupport;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The signed-in API's answers when something is refused or goes wrong: RFC 9457 problem details shaped like the
 * enrollment API's (see {@link ProblemSupport}: {@code type} {@code urn:clave:problem:<code>}, {@code code} the
 * message code the pages show, {@code detail} that message in the request's language, {@code errors} the rejected
 * fields). Never an exception's message, never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = MeProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeProblems extends ProblemSupport {

	private static final Logger log = LoggerFactory.getLogger(MeProblems.class);

	MeProblems(MessageSource messages) {
		super(messages);
	}

	ResponseEntity<ProblemDetail> of(HttpStatusCode status, String code, HttpServletRequest request) {
		return fields(status, code, Map.of(), request);
	}

	ResponseEntity<ProblemDetail> fields(HttpStatusCode status, String code, Map<String, String> fieldErrors,
			HttpServletRequest request) {
		return problem(status, code, fieldErrors, request).build();
	}

	// ---- what Spring MVC refuses before the controller sees the request ---------------------------------------

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request) {
		// the parser's message quotes the body (maybe a password): never echoed, never logged
		return of(HttpStatus.BAD_REQUEST, "api.body.unreadable", request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex,
			HttpServletRequest request) {
		return of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.body.media-type", request);
	}

	/** A path id that is not a number names no account of the customer's: the same 404 as any other. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		if ("accountId".equals(ex.getName())) {
			return of(HttpStatus.NOT_FOUND, "banking.api.account.not-found", request);
		}
		return of(HttpStatus.BAD_REQUEST, "api.request.invalid", request);
	}

	@ExceptionHandler(ServletRequestBindingException.class)
	ResponseEntity<ProblemDetail> invalidRequest(ServletRequestBindingException ex, HttpServletRequest request) {
		return of(HttpStatus.BAD_REQUEST, "api.request.invalid", request);
	}

	/**
	 * Spring's own 4xx keep their status; anything else is a 500 with a correlation id that is also in the log,
	 * next to the exception's class and stack frames but not its message.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			HttpStatusCode status = known.getStatusCode();
			return of(status, status.value() == 405 ? "api.method.not-allowed" : "api.request.invalid", request);
		}
		return internalError(log, "the signed-in API", "api.error.unexpected", ex, request);
	}

}
