package io.clave.server.corporate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.clave.server.corporate.CompanyUsers.NewCompanyUser;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Temporary credentials for a company user: a random username that goes by e-mail and a random password that goes
 * by SMS, never both through one channel, valid {@link CorporateSettings#temporaryCredentialsLifetime()}. The
 * password is kept only as an Argon2id hash; the messages are sealed in the outbox and erased once delivered.
 */
@Component
class TemporaryCredentials {

	/** Letters and digits that cannot be mistaken for one another when typed from a phone. */
	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private final CompanyUsers users;

	private final PasswordEncoder encoder;

	private final Notifications notifications;

	private final CorporateSettings settings;

	private final SecureRandom random;

	private final Clock clock;

	TemporaryCredentials(CompanyUsers users, PasswordEncoder encoder, Notifications notifications,
			CorporateSettings settings, SecureRandom random, Clock clock) {
		this.users = users;
		this.encoder = encoder;
		this.notifications = notifications;
		this.settings = settings;
		this.random = random;
		this.clock = clock;
	}

	/** Files a new user with temporary credentials and sends them, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	UUID issueToNewUser(NewCompanyUser user, String createdBy, Locale locale) {
		Instant now = this.clock.instant();
		Instant expires = now.plus(this.settings.temporaryCredentialsLifetime());
		String username = newUsername();
		String password = newPassword();
		UUID id = this.users.create(user, username, this.encoder.encode(password), expires, createdBy, now);
		send(user.firstNames(), user, username, password, expires, locale);
		return id;
	}

	/** New temporary credentials for an existing user (expired, lost, or never used), replacing any earlier ones. */
	@Transactional(propagation = Propagation.MANDATORY)
	Instant reissue(CompanyUser user, Locale locale) {
		Instant now = this.clock.instant();
		Instant expires = now.plus(this.settings.temporaryCredentialsLifetime());
		String username = newUsername();
		String password = newPassword();
		this.users.setTemporaryCredentials(user.id(), username, this.encoder.encode(password), expires, now);
		this.notifications.sendTemporaryCredentials(new Recipient(user.firstNames(), user.mobile(), user.email()),
				username, password, expires, locale);
		return expires;
	}

	private void send(String name, NewCompanyUser user, String username, String password, Instant expires,
			Locale locale) {
		this.notifications.sendTemporaryCredentials(new Recipient(name, user.mobile(), user.email()), username,
				password, expires, locale);
	}

	/** "E" and nine characters: never a definitive username (those may not be ten characters of this alphabet). */
	private String newUsername() {
		String username;
		do {
			StringBuilder builder = new StringBuilder("E");
			for (int i = 0; i < 9; i++) {
				builder.append((UPPER + DIGITS).charAt(this.random.nextInt(UPPER.length() + DIGITS.length())));
			}
			username = builder.toString();
		}
		while (this.users.usernameTaken(username));
		return username;
	}

	/** Twelve characters with upper case, lower case and digits, as the definitive password needs too. */
	private String newPassword() {
		String all = UPPER + LOWER + DIGITS;
		char[] password = new char[12];
		password[0] = UPPER.charAt(this.random.nextInt(UPPER.length()));
		password[1] = LOWER.charAt(this.random.nextInt(LOWER.length()));
		password[2] = DIGITS.charAt(this.random.nextInt(DIGITS.length()));
		for (int i = 3; i < password.length; i++) {
			password[i] = all.charAt(this.random.nextInt(all.length()));
		}
		for (int i = password.length - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			char swap = password[i];
			password[i] = password[j];
			password[j] = swap;
		}
		return new String(password);
	}

}
