package io.clave.server.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.clave.server.identity.PasswordRule;
import io.clave.server.identity.UsernameRule;
import io.clave.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a page shows comes from the message bundles, in both languages: a key missing in one language, a key
 * used by a page or returned by a flow that does not exist, or a hard-coded text fails here.
 */
class I18nTests extends IntegrationTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path SOURCES = Path.of("src/main/java");

	@Autowired
	MockMvcTester mvc;

	/** One bundle per flow, as listed in spring.messages.basename. */
	private static final List<String> BUNDLES = List.of("messages", "login", "banking", "recovery", "softtoken",
			"transfer", "corporate", "backoffice");

	/** The packages whose code names message keys (the flows and the helpers they share). */
	private static final List<String> FLOW_PACKAGES = List.of("enrollment", "login", "banking", "recovery", "shared",
			"corebanking", "softtoken", "authorization", "transfer", "corporate", "backoffice");

	@ParameterizedTest
	@ValueSource(strings = { "messages", "login", "banking", "recovery", "softtoken", "transfer", "corporate", "backoffice" })
	void bothLanguagesHaveTheSameKeys(String name) throws IOException {
		assertThat(bundle("messages/" + name + "_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("messages/" + name + ".properties").stringPropertyNames());
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		Set<String> seen = new HashSet<>();
		for (String name : BUNDLES) {
			for (String key : bundle("messages/" + name + ".properties").stringPropertyNames()) {
				assertThat(seen.add(key)).as(key + " is defined twice").isTrue();
			}
		}
	}

	@Test
	void everyKeyThatPagesAndFlowsUseExists() throws IOException {
		Set<String> defined = new HashSet<>();
		for (String name : BUNDLES) {
			defined.addAll(bundle("messages/" + name + ".properties").stringPropertyNames());
		}
		Set<String> used = new TreeSet<>();
		Pattern templateKey = Pattern.compile("#\\{([a-z0-9][a-z0-9.\\-_]*)");
		Pattern codeLiteral = Pattern.compile(
				"\"((?:enrollment|field|cedula|card-number|pin|date|year|month|account|phone|key|image|phrase|question|answer|terms|second-factor|form|login|session|banking|profile|recovery|token|transfer|authorization|corporate|backoffice)\\.[a-z0-9.\\-_]+)\"");
		for (Path file : files(TEMPLATES, ".html")) {
			// e-mails resolve against their own bundle, checked by MessageTemplatesTests
			if (!file.startsWith(TEMPLATES.resolve("notification"))) {
				collect(templateKey, Files.readString(file), used);
			}
		}
		for (String flow : FLOW_PACKAGES) {
			Path sources = SOURCES.resolve("io/clave/server/" + flow);
			if (Files.isDirectory(sources)) {
				for (Path file : files(sources, ".java")) {
					collect(codeLiteral, Files.readString(file), used);
				}
			}
		}
		for (UsernameRule rule : UsernameRule.values()) {
			used.add("username.rule." + rule.name().toLowerCase());
		}
		for (PasswordRule rule : PasswordRule.values()) {
			used.add("password.rule." + rule.name().toLowerCase());
		}
		used.removeIf(key -> key.endsWith("."));
		assertThat(defined).containsAll(used);
	}

	/** A text that reads the same in Spanish and English was not translated: it is hard-coded in the page. */
	@ParameterizedTest
	@ValueSource(strings = { "/", "/registro", "/registro/tarjeta-debito", "/registro/tarjeta-credito",
			"/registro/empresas", "/registro/no-existe-esta-pagina", "/pagina-inexistente", "/recuperar",
			"/recuperar/tarjeta-debito", "/recuperar/tarjeta-credito", "/recuperar/contacto", "/ingreso",
			"/ingreso?salida", "/ingreso?motivo=bloqueo", "/ingreso?sesion=expirada", "/empresas",
			"/empresas/registro", "/empresas/recuperar", "/empresas/ingreso", "/empresas/ingreso?salida",
			"/backoffice/ingreso" })
	void pagesHaveNoHardCodedText(String page) throws IOException {
		List<String> spanish = visibleTexts(page, "es");
		List<String> english = visibleTexts(page, "en");
		Set<String> same = new HashSet<>(spanish);
		same.retainAll(english);
		same.removeAll(Set.of("Banco Clave", "Español", "English", "◆", "MM/AAAA", "AAAA", "MM"));
		same.removeIf(text -> !text.matches(".*\\p{L}{3,}.*"));
		assertThat(same).as("texts not translated on " + page).isEmpty();
		assertThat(String.join(" ", spanish)).doesNotContain("??");
		assertThat(String.join(" ", english)).doesNotContain("??");
	}

	private List<String> visibleTexts(String page, String language) throws IOException {
		String html = this.mvc.get()
			.uri(page + (page.contains("?") ? "&" : "?") + "lang=" + language)
			.accept("text/html")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String body = html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<script.*?</script>", "");
		Set<String> texts = new TreeSet<>();
		Matcher text = Pattern.compile(">([^<>]+)<").matcher(body);
		while (text.find()) {
			String value = text.group(1).strip();
			if (!value.isEmpty()) {
				texts.add(value);
			}
		}
		Matcher attribute = Pattern.compile("(?:aria-label|alt|placeholder|title)=\"([^\"]+)\"").matcher(body);
		while (attribute.find()) {
			texts.add(attribute.group(1));
		}
		return List.copyOf(texts);
	}

	private static Properties bundle(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(path -> path.toString().endsWith(suffix)).toList();
		}
	}

	private static void collect(Pattern pattern, String text, Set<String> into) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

}
