package io.clave.server.recovery.api;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.clave.server.recovery.RecoveryOutcome;
import io.clave.server.recovery.RecoveryStart;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's answers when something is refused or goes wrong: RFC 9457 problem details whose {@code type} is
 * {@code urn:clave:problem:<code>}, whose {@code code} is the message code the pages show, whose {@code detail} is
 * that message in the request's language, and whose {@code errors} list the rejected fields. It maps the flow's
 * outcomes (for {@link RecoveryApi}) and the exceptions Spring MVC raises on bad requests to this API; it never
 * shows an exception's message or a stack trace, since either may carry what the customer typed.
 * <p>
 * Limited to this package: the pages keep their own error handling. A method the API does not offer for an address
 * fails before any handler is chosen, so such a 405 is answered by the application-wide problem handler instead.
 */
@NullMarked
@RestControllerAdvice(basePackageClasses = RecoveryApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecoveryApiProblems {

	private static final Logger log = LoggerFactory.getLogger(RecoveryApiProblems.class);

	static final String TYPE_PREFIX = "urn:clave:problem:";

	static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH);

	/** Top-level code when fields were rejected; the same the pages show above the form. */
	static final String FIELDS_REJECTED = "form.errors";

	static final String UNREADABLE_BODY = "api.body.unreadable";

	static final String UNSUPPORTED_MEDIA_TYPE = "api.body.media-type";

	static final String NOT_ACCEPTABLE = "api.not-acceptable";

	static final String TOKEN_MISSING = "recovery.api.token.missing";

	static final String INVALID_REQUEST = "api.request.invalid";

	static final String METHOD_NOT_ALLOWED = "api.method.not-allowed";

	static final String UNEXPECTED = "api.error.unexpected";

	private final MessageSource messages;

	RecoveryApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	/** One rejected field: its name, the message code and that message in the request's language. */
	record FieldProblem(String field, String code, String message) {
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
			Builder limited = problem(HttpStatus.TOO_MANY_REQUESTS, RecoveryStart.RATE_LIMITED, Map.of(), request);
			limited.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfter().get().toSeconds()));
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
		Builder problem = problem(status, code, outcome.fieldErrors(), request);
		if (outcome.kind() != RecoveryOutcome.Kind.OVER) {
			// where the customer is now, so that the app can show that step again
			problem.detail.setProperty("step", outcome.step().name());
		}
		if (retryAfterSeconds != null && status == HttpStatus.TOO_MANY_REQUESTS) {
			problem.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}
		return problem.build();
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

	// ---- what Spring MVC refuses before the flow sees the request ---------------------------------------------

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request) {
		// the parser's message quotes the body: never echoed, never logged
		return problem(HttpStatus.BAD_REQUEST, UNREADABLE_BODY, Map.of(), request).build();
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex,
			HttpServletRequest request) {
		Builder problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE, Map.of(), request);
		problem.headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return problem.build();
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		return problem(HttpStatus.NOT_ACCEPTABLE, NOT_ACCEPTABLE, Map.of(), request).build();
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
		boolean token = RecoveryApi.TOKEN_HEADER.equalsIgnoreCase(ex.getHeaderName());
		return problem(HttpStatus.BAD_REQUEST, token ? TOKEN_MISSING : INVALID_REQUEST, Map.of(), request).build();
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) {
		Builder problem = problem(HttpStatus.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, Map.of(), request);
		if (ex.getSupportedHttpMethods() != null) {
			problem.headers.setAllow(ex.getSupportedHttpMethods());
		}
		return problem.build();
	}

	@ExceptionHandler({ ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ProblemDetail> invalidRequest(Exception ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, Map.of(), request).build();
	}

	/**
	 * Anything else. Spring's own 4xx exceptions keep their status; everything else is a 500 with a correlation id
	 * that is also in the log, next to the exception's class and stack frames but not its message.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			HttpStatusCode status = known.getStatusCode();
			Builder problem = problem(status, status.value() == 405 ? METHOD_NOT_ALLOWED : INVALID_REQUEST, Map.of(),
					request);
			known.getHeaders().forEach((name, values) -> {
				if (HttpHeaders.ALLOW.equalsIgnoreCase(name)) {
					problem.headers.put(name, values);
				}
			});
			return problem.build();
		}
		String correlationId = UUID.randomUUID().toString();
		log.error("Unexpected failure in the recovery API, correlation id {}: {} {}", correlationId,
				request.getMethod(), request.getRequestURI(), new RedactedException(ex, 0));
		Builder problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED, Map.of(), request);
		problem.detail.setProperty("correlationId", correlationId);
		return problem.build();
	}

	// ---- building a problem -----------------------------------------------------------------------------------

	/** Spanish by default; English when Accept-Language asks for it. The same rule for the API's every answer. */
	static Locale locale(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (header == null || header.isBlank() || header.length() > 200) {
			return SPANISH;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
			return match != null && "en".equals(match.getLanguage()) ? Locale.ENGLISH : SPANISH;
		}
		catch (IllegalArgumentException ex) {
			return SPANISH;
		}
	}

	private Builder problem(HttpStatusCode status, String code, Map<String, String> fieldErrors,
			HttpServletRequest request) {
		Locale locale = locale(request);
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message(code, locale));
		detail.setType(URI.create(TYPE_PREFIX + code));
		HttpStatus known = HttpStatus.resolve(status.value());
		detail.setTitle(known == null ? "Error" : known.getReasonPhrase());
		detail.setInstance(instance(request));
		detail.setProperty("code", code);
		detail.setProperty("errors",
				fieldErrors.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
					.map(error -> new FieldProblem(error.getKey(), error.getValue(), message(error.getValue(), locale)))
					.toList());
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLanguage(Locale.forLanguageTag(locale.getLanguage()));
		return new Builder(status, detail, headers);
	}

	private String message(String code, Locale locale) {
		String message = this.messages.getMessage(code, null, code, locale);
		return message == null ? code : message;
	}

	private static @Nullable URI instance(HttpServletRequest request) {
		try {
			return URI.create(request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private record Builder(HttpStatusCode status, ProblemDetail detail, HttpHeaders headers) {

		ResponseEntity<ProblemDetail> build() {
			return ResponseEntity.status(this.status).headers(this.headers).body(this.detail);
		}

	}

	/**
	 * What the log keeps of an unexpected exception: the class names and stack frames of the exception and its
	 * causes, not their messages (a database error quotes the values it refused).
	 */
	private static final class RedactedException extends RuntimeException {

		private static final int MAX_CAUSES = 8;

		RedactedException(Throwable original, int depth) {
			super(original.getClass().getName() + " (message withheld)", cause(original, depth), false, true);
			setStackTrace(original.getStackTrace());
		}

		private static @Nullable RedactedException cause(Throwable original, int depth) {
			Throwable cause = original.getCause();
			return (cause == null || cause == original || depth >= MAX_CAUSES) ? null
					: new RedactedException(cause, depth + 1);
		}

	}

}
