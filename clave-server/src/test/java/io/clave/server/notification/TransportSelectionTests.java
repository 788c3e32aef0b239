package io.clave.server.notification;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code clave.notification.*.adapter} picks exactly one transport of each kind. */
class TransportSelectionTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(TransportConfiguration.class, Settings.class)
		.withBean(ObjectMapper.class, () -> JsonMapper.builder().build())
		.withBean(JavaMailSender.class, JavaMailSenderImpl::new);

	@EnableConfigurationProperties(NotificationSettings.class)
	static class Settings {

	}

	@Test
	void logAdaptersWhenNothingIsConfiguredForSms() {
		this.context.run(beans -> assertThat(beans).getBean(SmsSender.class).isInstanceOf(LogSmsSender.class));
	}

	@Test
	void httpAdapterWhenAsked() {
		this.context
			.withPropertyValues("clave.notification.sms.adapter=http",
					"clave.notification.sms.http.url=http://127.0.0.1:9/sms")
			.run(beans -> assertThat(beans).getBean(SmsSender.class).isInstanceOf(HttpSmsSender.class));
	}

	@Test
	void httpAdapterWithoutUrlStopsTheStart() {
		this.context.withPropertyValues("clave.notification.sms.adapter=http")
			.run(beans -> assertThat(beans).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("clave.notification.sms.http.url"));
	}

	@Test
	void smppAdapterWhenAskedWithoutConnectingAtStart() {
		// nothing listens on the default port here: the session is opened by the first message, not at start
		this.context.withPropertyValues("clave.notification.sms.adapter=smpp", "clave.notification.sms.smpp.port=9")
			.run(beans -> assertThat(beans).hasNotFailed()
				.getBean(SmsSender.class)
				.isInstanceOf(SmppSmsSender.class));
	}

	@Test
	void emailAdapterIsSmtpByDefaultAndLogWhenAsked() {
		this.context.run(beans -> assertThat(beans).getBean(EmailSender.class).isInstanceOf(SmtpEmailSender.class));
		this.context.withPropertyValues("clave.notification.email.adapter=log")
			.run(beans -> assertThat(beans).getBean(EmailSender.class).isInstanceOf(LogEmailSender.class));
	}

}
