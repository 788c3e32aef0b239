package io.clave.server.shared.problems;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The answers of a flow's API (enrollment, recovery) to what Spring MVC refuses before the flow sees the request,
 * and to anything unexpected. A flow's {@code @RestControllerAdvice}, limited to its own package, extends this and
 * adds the mapping of its outcomes. A method the API does not offer for an address fails before any handler is
 * chosen, so such a 405 is answered by the application-wide problem handler instead.
 */
public abstract class ApiProblemHandlers extends ProblemSupport {

	/** Top-level code when fields were rejected; the same the pages show above the form. */
	public static final String FIELDS_REJECTED = "form.errors";

	public static final String UNREADABLE_BODY = "api.body.unreadable";

	public static final String UNSUPPORTED_MEDIA_TYPE = "api.body.media-type";

	public static final String NOT_ACCEPTABLE = "api.not-acceptable";

	public static final String INVALID_REQUEST = "api.request.invalid";

	public static final String METHOD_NOT_ALLOWED = "api.method.not-allowed";

	public static final String UNEXPECTED = "api.error.unexpected";

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String api;

	private final String tokenHeader;

	private final String tokenMissing;

	/**
	 * @param api which API this is, for the log ("the enrollment API")
	 * @param tokenHeader the header that carries the flow's token
	 * @param tokenMissing the code when that header is missing
	 */
	protected ApiProblemHandlers(MessageSource messages, String api, String tokenHeader, String tokenMissing) {
		super(messages);
		this.api = api;
		this.tokenHeader = tokenHeader;
		this.tokenMissing = tokenMissing;
	}

	/**
	 * A step of the flow that did not advance.
	 * @param step where the customer is now, so that the app can show that step again; null when the flow is over
	 * @param retryAfterSeconds for a key asked for during the cool-down, when a new one may be asked for
	 */
	protected final ResponseEntity<ProblemDetail> stepProblem(HttpStatus status, String code,
			Map<String, String> fieldErrors, @Nullable String step, @Nullable Long retryAfterSeconds,
			HttpServletRequest request) {
		Problem problem = problem(status, code, fieldErrors, request);
		if (step != null) {
			problem.detail().setProperty("step", step);
		}
		if (retryAfterSeconds != null && status == HttpStatus.TOO_MANY_REQUESTS) {
			problem.headers().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}
		return problem.build();
	}

	// ---- what Spring MVC refuses before the flow sees the request ---------------------------------------------

	@ExceptionHandler(HttpMessageNotReadableException.class)
	public ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException ex,
			HttpServletRequest request) {
		// the parser's message quotes the body: never echoed, never logged
		return problem(HttpStatus.BAD_REQUEST, UNREADABLE_BODY, Map.of(), request).build();
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	public ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex,
			HttpServletRequest request) {
		Problem problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE, Map.of(), request);
		problem.headers().setAccept(List.of(MediaType.APPLICATION_JSON));
		return problem.build();
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	public ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpServletRequest request) {
		return problem(HttpStatus.NOT_ACCEPTABLE, NOT_ACCEPTABLE, Map.of(), request).build();
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	public ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
		boolean token = this.tokenHeader.equalsIgnoreCase(ex.getHeaderName());
		return problem(HttpStatus.BAD_REQUEST, token ? this.tokenMissing : INVALID_REQUEST, Map.of(), request)
			.build();
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	public ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) {
		Problem problem = problem(HttpStatus.METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, Map.of(), request);
		if (ex.getSupportedHttpMethods() != null) {
			problem.headers().setAllow(ex.getSupportedHttpMethods());
		}
		return problem.build();
	}

	@ExceptionHandler({ ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class })
	public ResponseEntity<ProblemDetail> invalidRequest(Exception ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, Map.of(), request).build();
	}

	/**
	 * Anything else. Spring's own 4xx exceptions keep their status; everything else is a 500 with a correlation id
	 * that is also in the log, next to the exception's class and stack frames but not its message.
	 */
	@ExceptionHandler(Exception.class)
	public ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			HttpStatusCode status = known.getStatusCode();
			Problem problem = problem(status, status.value() == 405 ? METHOD_NOT_ALLOWED : INVALID_REQUEST, Map.of(),
					request);
			known.getHeaders().forEach((name, values) -> {
				if (HttpHeaders.ALLOW.equalsIgnoreCase(name)) {
					problem.headers().put(name, values);
				}
			});
			return problem.build();
		}
		return internalError(this.log, this.api, UNEXPECTED, ex, request);
	}

}
