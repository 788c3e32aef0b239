package io.clave.server.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import io.clave.otp.Base32;
import io.clave.otp.Ocra;
import io.clave.otp.OcraInput;
import io.clave.otp.OcraSuite;
import io.clave.otp.Totp;
import io.clave.server.shared.ClientContext;
import io.clave.server.softtoken.ActivationCompletion;
import io.clave.server.softtoken.ActivationStarted;
import io.clave.server.softtoken.SoftTokens;
import io.clave.server.softtoken.TokenCheck;
import io.clave.server.support.TestUsers.Enrolled;
import io.clave.token.Transaction;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Gives a test user an active Token digital, the way the app and the web would, and computes its codes. */
@Component
public class TestTokens {

	private static final ClientContext APP = new ClientContext("127.0.0.1", "ClaveTokenTest");

	private final SoftTokens tokens;

	private final Clock clock;

	TestTokens(SoftTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Starts, completes (with the code read from the SMS) and confirms an activation; returns the seed. */
	public byte[] activate(Enrolled user) {
		int before = IntegrationTest.SMS.receivedBy(user.person().mobile().e164()).size();
		ActivationStarted started = this.tokens.startActivation(user.userId(), "http://127.0.0.1", APP,
				Locale.forLanguageTag("es-EC"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> IntegrationTest.SMS.codeAfter(user.person().mobile().e164(), before, 8).isPresent());
		String code = IntegrationTest.SMS.codeAfter(user.person().mobile().e164(), before, 8).orElseThrow();
		String key = URLDecoder.decode(started.activationText().replaceAll(".*&key=", ""), StandardCharsets.UTF_8);
		ActivationCompletion completion = this.tokens.completeActivation(started.activationId(), key, code, "test",
				APP);
		byte[] seed = Base32.decode(completion.seed());
		assertThat(this.tokens.confirm(user.userId(), codeAt(seed, 0), APP, Locale.forLanguageTag("es-EC")))
			.isEqualTo(TokenCheck.ACCEPTED);
		// the activation notice, delivered before the test goes on, so that it counts messages from a quiet phone
		await().atMost(Duration.ofSeconds(10))
			.until(() -> IntegrationTest.SMS.receivedBy(user.person().mobile().e164())
				.stream()
				.anyMatch(sms -> sms.text().contains("se activó tu Token digital")));
		return seed;
	}

	/**
	 * The app's transaction-signing code now (plus the offset in seconds) for an amount such as {@code 25.00} and a
	 * destination account, computed the way the app library does (its {@link Transaction#question()}).
	 */
	public String signAt(byte[] seed, String amount, String destination, int offsetSeconds) {
		OcraSuite suite = OcraSuite.parse(SoftTokens.SIGNING_SUITE);
		return Ocra.generate(suite, seed, OcraInput.builder(Transaction.of(amount, destination).question())
			.timestamp(suite.timestamp(this.clock.instant().plusSeconds(offsetSeconds)))
			.build());
	}

	/** The app's code now, plus the offset in seconds. */
	public String codeAt(byte[] seed, int offsetSeconds) {
		return Totp.defaults().generate(seed, this.clock.instant().plusSeconds(offsetSeconds));
	}

}
