package io.clave.server.notification;

import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Picks the SMS and e-mail transports named in {@code clave.notification.*.adapter}. */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

	private static final String SMS_ADAPTER = "clave.notification.sms.adapter";

	private static final String EMAIL_ADAPTER = "clave.notification.email.adapter";

	@Bean
	@ConditionalOnProperty(name = SMS_ADAPTER, havingValue = "log", matchIfMissing = true)
	SmsSender logSmsSender() {
		return new LogSmsSender();
	}

	@Bean
	@ConditionalOnProperty(name = SMS_ADAPTER, havingValue = "http")
	SmsSender httpSmsSender(NotificationSettings settings, ObjectMapper json) {
		return new HttpSmsSender(settings.sms().http(), json);
	}

	@Bean
	@ConditionalOnProperty(name = SMS_ADAPTER, havingValue = "smpp")
	SmsSender smppSmsSender(NotificationSettings settings) {
		return new SmppSmsSender(settings.sms().smpp());
	}

	@Bean
	@ConditionalOnProperty(name = EMAIL_ADAPTER, havingValue = "smtp", matchIfMissing = true)
	EmailSender smtpEmailSender(JavaMailSender mail, NotificationSettings settings) {
		return new SmtpEmailSender(mail, settings.email().from());
	}

	@Bean
	@ConditionalOnProperty(name = EMAIL_ADAPTER, havingValue = "log")
	EmailSender logEmailSender() {
		return new LogEmailSender();
	}

}
