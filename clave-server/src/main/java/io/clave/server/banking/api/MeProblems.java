package io.clave.server.banking.api;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The signed-in API's answers when something is refused or goes wrong: RFC 9457 problem details shaped like the
 * enrollment API's ({@code type} {@code urn:clave:problem:<code>}, {@code code} the message code the pages show,
 * {@code detail} that message in the request's language, {@code errors} the rejected fields). Never an exception's
 * message, never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = MeProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeProblems {

	private static final Logger log = LoggerFactory.getLogger(MeProblems.class);

	static final String TYPE_PREFIX = "urn:clave:problem:";

	static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH);

	private final MessageSource messages;

	MeProblems(MessageSource messages) {
		this.messages = messages;
	}

	record FieldProblem(String field, String code, String message) {
	}

	ResponseEntity<ProblemDetail> of(HttpStatusCode status, String code, HttpServletRequest request) {
		return fields(status, code, Map.of(), request);
	}

	ResponseEntity<ProblemDetail> fields(HttpStatusCode status, String code, Map<String, String> fieldErrors,
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
		return ResponseEntity.status(status).headers(headers).body(detail);
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

	/** Spring's own 4xx keep their status; anything else is a 500 with a correlation id that is also logged. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			HttpStatusCode status = known.getStatusCode();
			return of(status, status.value() == 405 ? "api.method.not-allowed" : "api.request.invalid", request);
		}
		String correlationId = UUID.randomUUID().toString();
		log.error("Unexpected failure in the signed-in API, correlation id {}: {} {} ({})", correlationId,
				request.getMethod(), request.getRequestURI(), ex.getClass().getName());
		ResponseEntity<ProblemDetail> problem = of(HttpStatus.INTERNAL_SERVER_ERROR, "api.error.unexpected", request);
		ProblemDetail body = problem.getBody();
		if (body != null) {
			body.setProperty("correlationId", correlationId);
		}
		return problem;
	}

	/** Spanish by default; English when Accept-Language asks for it. */
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

}
