package io.clave.server.support;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The e-mails GreenMail received for one address, as text, in the order they arrived. */
public final class Mailbox {

	private Mailbox() {
	}

	public static List<String> textsTo(String address) {
		return Arrays.stream(IntegrationTest.MAIL.getReceivedMessages())
			.filter(message -> addressedTo(message, address))
			.map(Mailbox::text)
			.toList();
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			Address[] to = message.getAllRecipients();
			return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	/** The decoded text of a message, all its parts. */
	public static String text(Part part) {
		try {
			Object content = part.getContent();
			if (content instanceof Multipart multipart) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					text.append(text(multipart.getBodyPart(i))).append('\n');
				}
				return text.toString();
			}
			return content instanceof String string ? string : "";
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
