package io.clave.server.notification;

import io.clave.server.shared.EmailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends each message with a plain-text and an HTML alternative, in UTF-8. */
final class SmtpEmailSender implements EmailSender {

	private final JavaMailSender mail;

	private final String from;

	SmtpEmailSender(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public void send(EmailAddress to, String subject, String text, String html) {
		try {
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to.value());
			helper.setSubject(subject);
			helper.setText(text, html);
			this.mail.send(message);
		}
		catch (MessagingException | MailException ex) {
			// the server's own message may quote addresses, so only the type is kept
			throw new DeliveryFailure("SMTP: " + ex.getClass().getSimpleName(), ex);
		}
	}

}
