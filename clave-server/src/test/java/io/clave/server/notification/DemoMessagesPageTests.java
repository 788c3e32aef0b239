package io.clave.server.notification;

import io.clave.server.shared.BankSettings;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code clave.demo.message-log=true} (the demo profile): the page and the JSON show what was delivered. The
 * controller runs alone here, rendered by Thymeleaf as in the application; {@link DemoMessagesDisabledTests} shows
 * that outside the demo neither exists.
 */
class DemoMessagesPageTests {

	private final BankSettings bank = new BankSettings("Banco Clave", "(02) 400 9000",
			ZoneId.of("America/Guayaquil"));

	private final DemoMessageLog log = new DemoMessageLog();

	private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders
		.standaloneSetup(new DemoMessagesController(this.log, this.bank))
		.setViewResolvers(thymeleaf())
		.build());

	@BeforeEach
	void delivered() {
		this.log.add(new DeliveredMessage(Instant.parse("2025-03-01T15:15:00Z"), Channel.SMS, "******4567", null,
				"Banco Clave: tu clave temporal para crear tu usuario es 123456."));
		this.log.add(new DeliveredMessage(Instant.parse("2025-03-01T15:16:00Z"), Channel.EMAIL, "a***@c***.ec",
				"Tu clave temporal de Banco Clave", "Esta es tu clave temporal: 654321"));
	}

	@Test
	void pageListsDeliveredMessagesInSpanishWithoutInlineScriptOrStyle() {
		assertThat(this.mvc.get().uri("/demo/mensajes")).hasStatusOk()
			.bodyText()
			.contains("Mensajes enviados", "/css/clave.css", "01/03/2025 10:15:00", "******4567",
					"tu clave temporal para crear tu usuario es 123456", "Correo", "a***@c***.ec", "654321")
			.doesNotContain("<script", "style=");
	}

	@Test
	void apiListsDeliveredMessagesNewestFirst() {
		assertThat(this.mvc.get().uri("/api/demo/messages")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[0].channel", channel -> assertThat(channel).isEqualTo("EMAIL"))
			.hasPathSatisfying("$[0].recipient", recipient -> assertThat(recipient).isEqualTo("a***@c***.ec"))
			.hasPathSatisfying("$[1].text",
					text -> assertThat(text).isEqualTo("Banco Clave: tu clave temporal para crear tu usuario es 123456."));
	}

	@Test
	void logAndEndpointsExistOnlyWhenTheDemoAsksForThem() {
		ApplicationContextRunner context = new ApplicationContextRunner()
			.withUserConfiguration(DemoMessageLog.class, DemoMessagesController.class)
			.withBean(BankSettings.class, () -> this.bank);

		context.withPropertyValues("clave.demo.message-log=true")
			.run(beans -> assertThat(beans).hasSingleBean(DemoMessageLog.class)
				.hasSingleBean(DemoMessagesController.class));
		context.withPropertyValues("clave.demo.message-log=false")
			.run(beans -> assertThat(beans).doesNotHaveBean(DemoMessageLog.class)
				.doesNotHaveBean(DemoMessagesController.class));
		context.run(beans -> assertThat(beans).doesNotHaveBean(DemoMessageLog.class));
	}

	private static ThymeleafViewResolver thymeleaf() {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		templates.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(templates);
		ThymeleafViewResolver resolver = new ThymeleafViewResolver();
		resolver.setTemplateEngine(engine);
		resolver.setCharacterEncoding("UTF-8");
		return resolver;
	}

}
