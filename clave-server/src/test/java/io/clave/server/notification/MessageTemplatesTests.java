package io.clave.server.notification;

import io.clave.server.shared.BankSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTemplatesTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es-EC");

	private final MessageTemplates templates = new MessageTemplates(
			new BankSettings("Banco Clave", "(02) 400 9000", ZoneId.of("America/Guayaquil")));

	@ParameterizedTest
	@CsvSource({ "PT5M, 5 minutos, 5 minutes", "PT1M, 1 minuto, 1 minute", "PT30S, 30 segundos, 30 seconds",
			"PT90S, 90 segundos, 90 seconds", "PT2H, 2 horas, 2 hours" })
	void durationReadsNaturallyInBothLanguages(Duration duration, String spanish, String english) {
		assertThat(this.templates.duration(duration, SPANISH)).isEqualTo(spanish);
		assertThat(this.templates.duration(duration, Locale.ENGLISH)).isEqualTo(english);
	}

	@Test
	void otherLanguagesFallBackToSpanish() {
		assertThat(this.templates.duration(Duration.ofMinutes(5), Locale.GERMAN)).isEqualTo("5 minutos");
	}

	@Test
	void timesAreShownInTheBanksTimeZone() {
		assertThat(this.templates.dateTime(Instant.parse("2025-03-01T03:04:05Z"), SPANISH))
			.isEqualTo("28/02/2025 22:04:05");
	}

	@Test
	void everySpanishTextHasAnEnglishOneAndBackAgain() throws IOException {
		Properties spanish = load("messages.properties");
		Properties english = load("messages_en.properties");
		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(spanish.stringPropertyNames());
	}

	@ParameterizedTest
	@ValueSource(strings = { "es", "en" })
	void everyEmailRendersWithoutMissingTexts(String language) {
		Locale locale = Locale.forLanguageTag(language);
		Map<String, Map<String, Object>> emails = Map.of("one-time-key",
				Map.of("name", "Ana", "what", "x", "key", "123456", "expiresIn", "5"), "enrollment-completed",
				Map.of("name", "Ana", "username", "anamora"), "login-notice",
				Map.of("name", "Ana", "when", "ahora", "ipAddress", "1.2.3.4", "browser", "Firefox"));
		emails.forEach((name, variables) -> {
			MessageTemplates.Email email = this.templates.email(name, locale, variables);
			assertThat(email.subject()).doesNotContain("??", "{");
			assertThat(email.text()).doesNotContain("??", "[(", "{").contains("Ana");
			assertThat(email.html()).doesNotContain("??", "th:text", "th:lang").contains("lang=\"" + language + "\"", "Ana");
		});
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageTemplatesTests.class.getClassLoader()
			.getResourceAsStream("templates/notification/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
