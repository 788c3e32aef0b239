package io.clave.server.notification;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reading what GreenMail received. */
final class Mails {

	private Mails() {
	}

	static List<MimeMessage> to(GreenMail mail, String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
	}

	/** The content of the first part of this type, searched through nested multiparts. */
	static String part(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch(to -> to.toString().equals(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
