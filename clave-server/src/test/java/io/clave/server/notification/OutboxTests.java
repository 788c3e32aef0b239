package io.clave.server.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clave.server.support.IntegrationTest;
import io.clave.server.support.SmsGatewayStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.clave.server.notification.NotificationDeliveryTests.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's promises, with the application's own scheduled dispatcher running alongside: written with the
 * business transaction, secrets sealed and erased, failures retried, every message sent once.
 */
class OutboxTests extends IntegrationTest {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@BeforeEach
	void emptyInboxes() throws Exception {
		SMS.clear();
		MAIL.purgeEmailFromAllMailboxes();
	}

	@Test
	void keyIsSealedInTheOutboxAndErasedOnceDelivered() {
		Recipient gabriela = recipient("Gabriela", "0992220001", "gabriela.sealed@correo.ec");

		inTransaction(() -> {
			this.notifications.sendOneTimeKey(gabriela, Channels.SMS_AND_EMAIL, "TRANSACTION", "583920", FIVE_MINUTES,
					SPANISH);
			// still uncommitted, so no dispatcher has seen these rows: this is the table as stored
			List<String> rows = rowsAsJson("0992220001", "gabriela.sealed@correo.ec");
			assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).doesNotContain("583920")
				.contains("\"contains_secret\":true")
				.contains("\"state\":\"PENDING\""));
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy("+593992220001").size() == 1
				&& Mails.to(MAIL, "gabriela.sealed@correo.ec").size() == 1);
		assertThat(SMS.lastCode("+593992220001", 6)).contains("583920");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rows("0992220001",
				"gabriela.sealed@correo.ec"))
			.hasSize(2)
			.allSatisfy(row -> assertThat(row).containsEntry("state", "SENT")
				.containsEntry("body_text", null)
				.containsEntry("body_html", null)));
	}

	@Test
	void messageWithoutSecretKeepsItsTextAfterDelivery() {
		Recipient hugo = recipient("Hugo", "0992220002", "hugo.notice@correo.ec");

		inTransaction(() -> this.notifications.sendLoginNotice(hugo, true, false, Instant.parse("2025-03-01T15:15:00Z"),
				"190.152.10.30", "Chrome en Android", SPANISH));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows("hugo.notice@correo.ec"))
			.singleElement()
			.satisfies(row -> assertThat(row).containsEntry("state", "SENT")
				.containsEntry("contains_secret", false)
				.extractingByKey("body_text")
				.asString()
				.contains("190.152.10.30")));
	}

	@Test
	void nothingIsSentWhenTheBusinessTransactionRollsBack() {
		Recipient ines = recipient("Inés", "0992220003", "ines.rollback@correo.ec");

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> inTransaction(() -> {
			this.notifications.sendOneTimeKey(ines, Channels.SMS_AND_EMAIL, "ENROLLMENT", "246810", FIVE_MINUTES,
					SPANISH);
			throw new IllegalStateException("the business rule failed after the key was issued");
		}));

		this.dispatcher.dispatchDue();
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> SMS.receivedBy("+593992220003").isEmpty()
					&& Mails.to(MAIL, "ines.rollback@correo.ec").isEmpty());
		assertThat(rows("0992220003", "ines.rollback@correo.ec")).isEmpty();
	}

	@Test
	void sendingOutsideATransactionIsRefused() {
		Recipient jorge = recipient("Jorge", "0992220004", "jorge.notx@correo.ec");

		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.notifications.sendOneTimeKey(jorge, Channels.SMS, "LOGIN", "135790", FIVE_MINUTES,
					SPANISH));
		assertThat(rows("0992220004")).isEmpty();
	}

	@Test
	void failedSmsIsRetriedWithBackOffAndDeliveredExactlyOnce() {
		Recipient karla = recipient("Karla", "0992220005", "karla.retry@correo.ec");
		// another test's SMS sent meanwhile would use up a failure meant for this one
		await().atMost(Duration.ofSeconds(30)).until(() -> otherSmsDueWithin(Duration.ofSeconds(15)) == 0);
		SMS.failNext(2);

		inTransaction(() -> this.notifications.sendOneTimeKey(karla, Channels.SMS, "LOGIN", "975310", FIVE_MINUTES,
				SPANISH));

		await().atMost(Duration.ofSeconds(20)).until(() -> SMS.receivedBy("+593992220005").size() == 1);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
			.until(() -> SMS.receivedBy("+593992220005").size() == 1);
		assertThat(rows("0992220005")).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("state", "SENT")
				.containsEntry("attempts", 3)
				.containsEntry("last_error", "SMS gateway answered HTTP 503"));
	}

	@Test
	void concurrentDispatchersSendEachMessageExactlyOnce() throws Exception {
		int count = 120;
		Recipient luis = recipient("Luis", "0992220006", "luis.concurrent@correo.ec");
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			keys.add(String.valueOf(700_000 + i));
		}
		inTransaction(() -> keys.forEach(key -> this.notifications.sendOneTimeKey(luis, Channels.SMS, "TRANSACTION",
				key, FIVE_MINUTES, SPANISH)));

		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> runs = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				runs.add(threads.submit(() -> {
					start.await();
					for (int i = 0; i < 40; i++) {
						this.dispatcher.dispatchDue();
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> SMS.receivedBy("+593992220006").size() >= count);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> SMS.receivedBy("+593992220006").size() == count);
		assertThat(SMS.receivedBy("+593992220006")).map(OutboxTests::key).containsExactlyInAnyOrderElementsOf(keys);
		assertThat(rows("0992220006")).hasSize(count)
			.allSatisfy(row -> assertThat(row).containsEntry("state", "SENT").containsEntry("attempts", 1));
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> work.run());
	}

	private long otherSmsDueWithin(Duration window) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notification_outbox
				WHERE state = 'PENDING' AND channel = 'SMS' AND next_attempt_at < ?""")
			.param(Timestamp.from(this.clock.instant().plus(window)))
			.query(Long.class)
			.single();
	}

	private List<Map<String, Object>> rows(String... recipients) {
		return this.jdbc.sql("SELECT * FROM notification_outbox WHERE recipient IN (:recipients) ORDER BY id")
			.param("recipients", List.of(recipients))
			.query()
			.listOfRows();
	}

	private List<String> rowsAsJson(String... recipients) {
		return this.jdbc
			.sql("SELECT row_to_json(o)::text FROM notification_outbox o WHERE recipient IN (:recipients) ORDER BY id")
			.param("recipients", List.of(recipients))
			.query(String.class)
			.list();
	}

	private static String key(SmsGatewayStub.Sms sms) {
		Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(sms.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
