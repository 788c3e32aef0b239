package io.clave.server.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** An e-mail address, kept in lower case, masked as {@code m***@d***.com} when shown or logged. */
public record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern
		.compile("^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

	public EmailAddress {
		if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("not an e-mail address");
		}
	}

	public static Optional<EmailAddress> parse(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String candidate = raw.strip().toLowerCase(Locale.ROOT);
		return (candidate.length() <= 254 && SHAPE.matcher(candidate).matches())
				? Optional.of(new EmailAddress(candidate)) : Optional.empty();
	}

	public String masked() {
		int at = this.value.indexOf('@');
		String local = this.value.substring(0, at);
		String domain = this.value.substring(at + 1);
		int dot = domain.lastIndexOf('.');
		String domainName = domain.substring(0, dot);
		String tld = domain.substring(dot);
		return local.charAt(0) + "***@" + domainName.charAt(0) + "***" + tld;
	}

	@Override
	public String toString() {
		return masked();
	}

}
