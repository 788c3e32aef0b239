package io.clave.server.onetimekey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.clave.server.notification.Channels;
import io.clave.server.notification.Recipient;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OneTimeKeysTests extends IntegrationTest {

	@Autowired
	OneTimeKeys keys;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	private final UUID flow = UUID.randomUUID();

	private final PhoneNumber mobile = TestPeople.newMobile();

	private final Recipient recipient = new Recipient("Prueba", this.mobile, TestPeople.newEmail());

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void sendsASixDigitKeyBySmsThatIsAcceptedOnce() {
		KeyIssue issue = issue();
		assertThat(issue.outcome()).isEqualTo(KeyIssue.Outcome.ISSUED);
		String key = receivedKey(1);
		assertThat(key).hasSize(6);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, key)).isEqualTo(KeyCheck.ACCEPTED);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, key)).isEqualTo(KeyCheck.NO_KEY);
	}

	@Test
	void neverStoresTheKeyInClear() {
		issue();
		String key = receivedKey(1);
		String keysTable = this.jdbc.sql("SELECT string_agg(k::text, '|') FROM one_time_keys k WHERE flow_id = ?")
			.param(this.flow)
			.query(String.class)
			.single();
		assertThat(keysTable).doesNotContain(key);
		String outbox = this.jdbc.sql("SELECT coalesce(string_agg(o::text, '|'), '') FROM notification_outbox o")
			.query(String.class)
			.single();
		assertThat(outbox).doesNotContain(key);
	}

	@Test
	void refusesAKeyAfterItsLifetime() {
		issue();
		String key = receivedKey(1);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, key)).isEqualTo(KeyCheck.EXPIRED);
	}

	@Test
	void refusesAKeyIssuedForAnotherPurposeOrFlow() {
		issue();
		String key = receivedKey(1);
		assertThat(this.keys.verify(this.flow, KeyPurpose.LOGIN, key)).isEqualTo(KeyCheck.NO_KEY);
		assertThat(this.keys.verify(UUID.randomUUID(), KeyPurpose.ENROLLMENT, key)).isEqualTo(KeyCheck.NO_KEY);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, key)).isEqualTo(KeyCheck.ACCEPTED);
	}

	@Test
	void killsAKeyAfterThreeWrongEntries() {
		issue();
		String key = receivedKey(1);
		String wrong = wrongKey(key);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, wrong)).isEqualTo(KeyCheck.WRONG);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, wrong)).isEqualTo(KeyCheck.WRONG);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, wrong)).isEqualTo(KeyCheck.EXHAUSTED);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, key)).isEqualTo(KeyCheck.EXHAUSTED);
	}

	@Test
	void allowsANewKeyOnlyAfterTheCoolDownAndKillsThePreviousOne() {
		issue();
		String first = receivedKey(1);
		assertThat(issue().outcome()).isEqualTo(KeyIssue.Outcome.COOL_DOWN);
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(issue().outcome()).isEqualTo(KeyIssue.Outcome.ISSUED);
		String second = receivedKey(2);
		if (!first.equals(second)) {
			assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, first)).isEqualTo(KeyCheck.WRONG);
		}
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, second)).isEqualTo(KeyCheck.ACCEPTED);
	}

	@Test
	void allowsAtMostThreeNewKeysPerFlow() {
		issue();
		for (int resend = 1; resend <= 3; resend++) {
			this.clock.advance(Duration.ofSeconds(61));
			assertThat(issue().outcome()).isEqualTo(KeyIssue.Outcome.ISSUED);
		}
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(issue().outcome()).isEqualTo(KeyIssue.Outcome.LIMIT_REACHED);
		assertThat(this.keys.status(this.flow, KeyPurpose.ENROLLMENT).nextIssueAt()).isEmpty();
	}

	@Test
	void endsTheFlowAfterFiveWrongEntriesWhateverTheNumberOfKeys() {
		issue();
		String key = receivedKey(1);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, wrongKey(key))).isEqualTo(KeyCheck.WRONG);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, wrongKey(key))).isEqualTo(KeyCheck.WRONG);
		this.clock.advance(Duration.ofSeconds(61));
		issue();
		String next = receivedKey(2);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, wrongKey(next))).isEqualTo(KeyCheck.WRONG);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, wrongKey(next))).isEqualTo(KeyCheck.WRONG);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, wrongKey(next))).isEqualTo(KeyCheck.FLOW_ENDED);
		assertThat(this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, next)).isEqualTo(KeyCheck.FLOW_ENDED);
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(issue().outcome()).isEqualTo(KeyIssue.Outcome.FLOW_ENDED);
	}

	@Test
	void acceptsExactlyOneOfTwoConcurrentSubmissionsOfTheSameKey() throws Exception {
		issue();
		String key = receivedKey(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<KeyCheck>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Callable<KeyCheck> submit = () -> {
					start.await();
					return this.keys.verify(this.flow, KeyPurpose.ENROLLMENT, key);
				};
				results.add(pool.submit(submit));
			}
			start.countDown();
			List<KeyCheck> outcomes = new ArrayList<>();
			for (Future<KeyCheck> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).containsExactlyInAnyOrder(KeyCheck.ACCEPTED, KeyCheck.NO_KEY);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private KeyIssue issue() {
		return this.keys.issue(this.flow, KeyPurpose.ENROLLMENT, this.recipient, Channels.SMS,
				Locale.forLanguageTag("es"));
	}

	/** The key of the n-th SMS this test's number received. */
	private String receivedKey(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy(this.mobile.e164()).size() >= count);
		return SMS.lastCode(this.mobile.e164(), 6).orElseThrow();
	}

	private static String wrongKey(String key) {
		char last = key.charAt(key.length() - 1);
		return key.substring(0, key.length() - 1) + (char) (last == '9' ? '0' : last + 1);
	}

}
