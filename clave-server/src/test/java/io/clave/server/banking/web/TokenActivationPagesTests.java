package io.clave.server.banking.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.otp.Base32;
import io.clave.otp.Totp;
import io.clave.server.identity.ChallengeQuestions;
import io.clave.server.identity.SecondFactor;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Activación Token Digital" as the seed describes it: the challenge question, the security image with the steps and
 * the terms, the QR code with its text while the activation code goes by SMS; the app (played here with plain HTTP
 * and clave-otp) completes the activation, and its first code typed on the page finishes it.
 */
class TokenActivationPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ChallengeQuestions questions;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void activatesTheTokenDigitalFromTheSecondFactorPage() throws Exception {
		Enrolled maria = this.users.enrolled(SecondFactor.SOFT_TOKEN_PENDING);
		WebSession browser = signedIn(maria);
		assertThat(browser.get("/banca/servicios/segundo-factor")).bodyText().contains("Activación Token Digital");

		String page = body(browser.get("/banca/servicios/segundo-factor/activacion"));
		assertThat(page).contains("Por favor responde la(s) pregunta(s) de seguridad");
		String answer = answerTo(page);
		assertThat(body(browser.post("/banca/servicios/segundo-factor/activacion/pregunta", "answer", "No sé")))
			.contains("La respuesta no es correcta");
		assertThat(browser.post("/banca/servicios/segundo-factor/activacion/pregunta", "answer", answer))
			.hasRedirectedUrl("/banca/servicios/segundo-factor/activacion");

		String image = body(browser.get("/banca/servicios/segundo-factor/activacion"));
		assertThat(image).contains("¿Esta es tu imagen de seguridad?").contains(TestUsers.PHRASE)
			.contains("Para activar tu token digital sigue estos pasos");
		assertThat(body(browser.post("/banca/servicios/segundo-factor/activacion/codigo-qr")))
			.contains("Debes aceptar los Términos y Condiciones");

		int before = SMS.receivedBy(maria.person().mobile().e164()).size();
		String qrPage = body(browser.post("/banca/servicios/segundo-factor/activacion/codigo-qr", "acceptTerms", "true"));
		assertThat(qrPage).contains("data:image/svg+xml;base64,").contains("clave-token://activate?v=1");
		Matcher text = Pattern.compile("(clave-token://activate\\?[^<\"]+)").matcher(qrPage);
		assertThat(text.find()).isTrue();
		String activationText = text.group(1).replace("&amp;", "&");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(maria.person().mobile().e164(), before, 8).isPresent());
		String code = SMS.codeAfter(maria.person().mobile().e164(), before, 8).orElseThrow();
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session_attributes a JOIN spring_session s "
				+ "ON s.primary_id = a.session_primary_id WHERE s.principal_name = ? AND position(? in encode(a.attribute_bytes, 'escape')) > 0")
			.params(maria.userId().toString(), param(activationText, "key"))
			.query(Long.class)
			.single()).as("the binding key is never kept in the session").isZero();

		// the app
		String id = param(activationText, "id");
		String body = "{\"bindingKey\":\"" + param(activationText, "key") + "\",\"activationCode\":\"" + code
				+ "\",\"deviceName\":\"Pixel\"}";
		HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/token-activations/" + id))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		Matcher seed = Pattern.compile("\"seed\"\\s*:\\s*\"([A-Z2-7]+)\"").matcher(created.body());
		assertThat(seed.find()).isTrue();
		String firstCode = Totp.defaults().generate(Base32.decode(seed.group(1)), this.clock.instant());

		assertThat(body(browser.post("/banca/servicios/segundo-factor/activacion/confirmar", "code", "12")))
			.contains("El código no es correcto");
		assertThat(browser.post("/banca/servicios/segundo-factor/activacion/confirmar", "code", firstCode))
			.hasRedirectedUrl("/banca/servicios/segundo-factor");
		assertThat(body(browser.get("/banca/servicios/segundo-factor"))).contains("¡Listo! Tu Token digital quedó activado")
			.contains("Tu Token digital está activo");
	}

	@Test
	void endsTheActivationAfterThreeWrongAnswers() throws Exception {
		Enrolled carlos = this.users.enrolled();
		WebSession browser = signedIn(carlos);
		browser.get("/banca/servicios/segundo-factor/activacion");
		browser.post("/banca/servicios/segundo-factor/activacion/pregunta", "answer", "uno");
		browser.post("/banca/servicios/segundo-factor/activacion/pregunta", "answer", "dos");
		assertThat(browser.post("/banca/servicios/segundo-factor/activacion/pregunta", "answer", "tres"))
			.hasRedirectedUrl("/banca/servicios/segundo-factor");
		assertThat(body(browser.get("/banca/servicios/segundo-factor")))
			.contains("Respondiste mal la pregunta de seguridad demasiadas veces");
		assertThat(browser.post("/banca/servicios/segundo-factor/activacion/codigo-qr", "acceptTerms", "true"))
			.as("no QR without the question answered")
			.hasRedirectedUrl("/banca/servicios/segundo-factor/activacion");
	}

	private WebSession signedIn(Enrolled user) {
		return new WebSession(this.mvc).signIn(user);
	}

	private String answerTo(String page) {
		for (Map.Entry<String, String> answer : TestUsers.ANSWERS.entrySet()) {
			String question = this.questions.find(answer.getKey()).orElseThrow().text(Locale.forLanguageTag("es-EC"));
			if (page.contains(question)) {
				return answer.getValue();
			}
		}
		throw new AssertionError("none of the user's questions is on the page");
	}

	private static String param(String text, String name) {
		Matcher matcher = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(text);
		assertThat(matcher.find()).isTrue();
		return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
	}

	private static String body(org.springframework.test.web.servlet.assertj.MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
