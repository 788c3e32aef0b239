package io.clave.server.notification;

import io.clave.server.shared.BankSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns an intent into words: SMS texts from {@code templates/notification/messages*.properties}, e-mails from the
 * Thymeleaf templates next to them (an {@code .html} and a {@code .txt} per message), Spanish unless English is
 * asked for. It has its own template engine and message source, so that the web pages' ones neither see these
 * templates nor need these keys.
 */
@Component
final class MessageTemplates {

	private static final String FOLDER = "templates/notification/";

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final MessageSource messages;

	private final SpringTemplateEngine engine;

	private final BankSettings bank;

	MessageTemplates(BankSettings bank) {
		this.bank = bank;
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename(FOLDER + "messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		this.messages = source;
		this.engine = engine(source);
	}

	record Email(String subject, String text, String html) {
	}

	String text(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, language(locale));
	}

	/** Renders {@code name.txt} and {@code name.html}; the subject is the message {@code name.subject}. */
	Email email(String name, Locale locale, Map<String, Object> variables) {
		Locale language = language(locale);
		Map<String, Object> all = new HashMap<>(variables);
		all.put("bank", this.bank.name());
		all.put("callCenter", this.bank.callCenter());
		Context context = new Context(language, all);
		return new Email(text(name + ".subject", language, this.bank.name()),
				this.engine.process(name + ".txt", context).strip() + "\n", this.engine.process(name + ".html", context));
	}

	/** "5 minutos", "30 segundos", "1 hour". */
	String duration(Duration duration, Locale locale) {
		long seconds = duration.toSeconds();
		if (seconds >= 3600 && seconds % 3600 == 0) {
			return text("duration.hours", locale, seconds / 3600);
		}
		if (seconds >= 60 && seconds % 60 == 0) {
			return text("duration.minutes", locale, seconds / 60);
		}
		return text("duration.seconds", locale, seconds);
	}

	/** A moment as the customer reads it: in the bank's time zone, in the customer's language. */
	String dateTime(Instant at, Locale locale) {
		return DateTimeFormatter.ofPattern(text("date-time.pattern", locale), language(locale))
			.format(at.atZone(this.bank.timeZone()));
	}

	/** English when asked for, otherwise Spanish, which is the base bundle. */
	private static Locale language(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : SPANISH;
	}

	private static SpringTemplateEngine engine(MessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MessageTemplates.class.getClassLoader());
		resolver.setPrefix(FOLDER);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
		resolver.setTextTemplateModePatterns(Set.of("*.txt"));
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

}
