package io.clave.server.shared.problems;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.MDC;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds an API's answers when something is refused or goes wrong: RFC 9457 problem details whose {@code type} is
 * {@code urn:clave:problem:<code>}, whose {@code code} is the message code the pages show, whose {@code detail} is
 * that message in the request's language, and whose {@code errors} list the rejected fields. Never an exception's
 * message, never a stack trace, since either may carry what the customer typed.
 */
public abstract class ProblemSupport {

	public static final String TYPE_PREFIX = "urn:clave:problem:";

	public static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH);

	private final MessageSource messages;

	protected ProblemSupport(MessageSource messages) {
		this.messages = messages;
	}

	/** One rejected field: its name, the message code and that message in the request's language. */
	public record FieldProblem(String field, String code, String message) {
	}

	/** A problem being built: its status, body and headers, which the caller may still add to. */
	public record Problem(HttpStatusCode status, ProblemDetail detail, HttpHeaders headers) {

		public ResponseEntity<ProblemDetail> build() {
			return ResponseEntity.status(this.status).headers(this.headers).body(this.detail);
		}

	}

	/** Spanish by default; English when Accept-Language asks for it. The same rule for the API's every answer. */
	public static Locale locale(HttpServletRequest request) {
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

	protected final Problem problem(HttpStatusCode status, String code, Map<String, String> fieldErrors,
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
		return new Problem(status, detail, headers);
	}

	/**
	 * A 500 with a correlation id that is also in the log, next to the exception's class and stack frames but not
	 * its message. The id is the request's own ({@code X-Request-Id}, MDC {@code requestId}), so that every line of
	 * the failed request is found with it; a new one only outside a request.
	 * @param api which API failed, for the log ("the enrollment API")
	 */
	protected final ResponseEntity<ProblemDetail> internalError(Logger log, String api, String code, Exception ex,
			HttpServletRequest request) {
		String requestId = MDC.get("requestId");
		String correlationId = requestId != null ? requestId : UUID.randomUUID().toString();
		log.error("Unexpected failure in {}, correlation id {}: {} {}", api, correlationId, request.getMethod(),
				request.getRequestURI(), new RedactedException(ex, 0));
		Problem problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, code, Map.of(), request);
		problem.detail().setProperty("correlationId", correlationId);
		return problem.build();
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
