package io.clave.server.notification;

import io.clave.server.shared.BankSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the bank tells its customers. Each intent is written to the outbox inside the caller's transaction (one is
 * required), so a message goes out only if the business change behind it commits; the
 * {@link OutboxDispatcher} delivers it afterwards.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private static final Set<String> PURPOSES = Set.of("ENROLLMENT", "LOGIN", "TRANSACTION", "RECOVERY",
			"ADMIN_ACTION", "TOKEN_ACTIVATION", "TOKEN_UNLOCK");

	private static final Set<String> OPERATIONS = Set.of("TRANSFER", "CARDLESS_WITHDRAWAL", "PAYMENT");

	private final MessageTemplates templates;

	private final Outbox outbox;

	private final BankSettings bank;

	Notifications(MessageTemplates templates, Outbox outbox, BankSettings bank) {
		this.templates = templates;
		this.outbox = outbox;
		this.bank = bank;
	}

	/**
	 * Sends a clave temporal. The key is sealed in the outbox and erased once delivered.
	 * @param purpose one of ENROLLMENT, LOGIN, TRANSACTION, RECOVERY, ADMIN_ACTION, TOKEN_ACTIVATION, TOKEN_UNLOCK;
	 * any other gets a wording that names no purpose
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendOneTimeKey(Recipient to, Channels channels, String purpose, String key, Duration validity,
			Locale locale) {
		String what = this.templates.text("one-time-key.what." + (PURPOSES.contains(purpose) ? purpose : "OTHER"),
				locale);
		sendKey(to, channels, purpose, what, key, validity, locale);
	}

	/**
	 * Sends a clave temporal that authorises one operation, naming its amount and (masked) destination, so that the
	 * customer sees what they approve and the key cannot be talked into approving another (PSD2 dynamic linking).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendOperationKey(Recipient to, Channels channels, String key, Duration validity, String operation,
			String amount, String maskedDestination, Locale locale) {
		String kind = OPERATIONS.contains(operation) ? operation : "OTHER";
		String what = this.templates.text("one-time-key.what.OPERATION." + kind, locale, amount, maskedDestination);
		sendKey(to, channels, "OPERATION", what, key, validity, locale);
	}

	private void sendKey(Recipient to, Channels channels, String purpose, String what, String key, Duration validity,
			Locale locale) {
		String expiresIn = this.templates.duration(validity, locale);
		if (channels.sms() && smsReachable(to)) {
			this.outbox.addSms("ONE_TIME_KEY", to.mobile(),
					this.templates.text("one-time-key.sms", locale, this.bank.name(), what, key, expiresIn), true);
		}
		if (channels.email()) {
			this.outbox.addEmail("ONE_TIME_KEY", to.email(), this.templates.email("one-time-key", locale,
					Map.of("name", to.name(), "what", what, "key", key, "expiresIn", expiresIn)), true);
		}
		log.debug("Queued a one-time key for {} by {}", purpose, channels);
	}

	/**
	 * Confirms a finished self-enrollment by e-mail and SMS: the username, how to log in and how to activate the
	 * Token digital; never a password. The username is half of what logs a customer in, so these messages are
	 * sealed and erased after delivery like a key.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendEnrollmentCompleted(Recipient to, String username, Locale locale) {
		if (smsReachable(to)) {
			this.outbox.addSms("ENROLLMENT_COMPLETED", to.mobile(), this.templates.text("enrollment-completed.sms",
					locale, this.bank.name(), username, this.bank.callCenter()), true);
		}
		this.outbox.addEmail("ENROLLMENT_COMPLETED", to.email(), this.templates.email("enrollment-completed", locale,
				Map.of("name", to.name(), "username", username)), true);
		log.debug("Queued the enrollment confirmation for {}", to);
	}

	/**
	 * Tells the customer that someone logged in as them, when and from where, so that a stranger is noticed: by
	 * e-mail and, when asked, by SMS.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendLoginNotice(Recipient to, boolean byEmail, boolean bySms, Instant at, String ipAddress,
			String browser, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		if (byEmail) {
			this.outbox.addEmail("LOGIN_NOTICE", to.email(), this.templates.email("login-notice", locale,
					Map.of("name", to.name(), "when", when, "ipAddress", ipAddress, "browser", browser)), false);
		}
		if (bySms && smsReachable(to)) {
			this.outbox.addSms("LOGIN_NOTICE", to.mobile(), this.templates.text("login-notice.sms", locale,
					this.bank.name(), when, ipAddress, this.bank.callCenter()), false);
		}
		log.debug("Queued a login notice for {}", to);
	}

	/**
	 * Tells the customer by e-mail and SMS that their access was locked after failed attempts, until when, and how to
	 * unlock it: the real customer learns of an attack, and of a lock they caused themselves.
	 * @param until end of a temporary lock; null for a lock that lasts until it is unlocked
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendAccessLocked(Recipient to, @Nullable Instant until, Locale locale) {
		this.outbox.addEmail("ACCESS_LOCKED", to.email(), this.templates.email("access-locked", locale,
				Map.of("name", to.name(), "until", until == null ? "" : this.templates.dateTime(until, locale))),
				false);
		if (smsReachable(to)) {
			this.outbox.addSms("ACCESS_LOCKED", to.mobile(),
					this.templates.text("access-locked.sms", locale, this.bank.name(), this.bank.callCenter()), false);
		}
		log.debug("Queued an access-locked notice for {}", to);
	}

	/**
	 * Confirms a finished self-service recovery by e-mail and SMS: when it happened, that the password was changed,
	 * any lock lifted and every session ended, and whom to call if it was not the customer. Never the password; the
	 * username neither (the e-mail only says that it was shown), so nothing here needs sealing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendRecoveryCompleted(Recipient to, Instant at, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		if (smsReachable(to)) {
			this.outbox.addSms("RECOVERY_COMPLETED", to.mobile(), this.templates.text("recovery-completed.sms", locale,
					this.bank.name(), when, this.bank.callCenter()), false);
		}
		this.outbox.addEmail("RECOVERY_COMPLETED", to.email(),
				this.templates.email("recovery-completed", locale, Map.of("name", to.name(), "when", when)), false);
		log.debug("Queued the recovery confirmation for {}", to);
	}

	/**
	 * Tells the customer by e-mail and SMS that a Token digital was activated, on which device, and whether it
	 * replaced an earlier one (whose codes no longer work).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendTokenActivated(Recipient to, Instant at, String device, boolean replaced, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		this.outbox.addEmail("TOKEN_ACTIVATED", to.email(), this.templates.email("token-activated", locale,
				Map.of("name", to.name(), "when", when, "device", device, "replaced", replaced)), false);
		if (smsReachable(to)) {
			this.outbox.addSms("TOKEN_ACTIVATED", to.mobile(), this.templates.text("token-activated.sms", locale,
					this.bank.name(), when, replaced ? this.templates.text("token-activated.sms.replaced", locale) : "",
					this.bank.callCenter()), false);
		}
		log.debug("Queued a token-activated notice for {}", to);
	}

	private static boolean smsReachable(Recipient to) {
		if (!to.mobile().isMobile()) {
			log.warn("No SMS for {}: the registered number is not a mobile", to);
			return false;
		}
		return true;
	}

	/**
	 * Tells the customer by e-mail and SMS that their online-banking password was changed, when and from where, so
	 * that a change they did not make is noticed at once. Never the password.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendPasswordChanged(Recipient to, Instant at, String ipAddress, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		if (smsReachable(to)) {
			this.outbox.addSms("PASSWORD_CHANGED", to.mobile(), this.templates.text("password-changed.sms", locale,
					this.bank.name(), when, this.bank.callCenter()), false);
		}
		this.outbox.addEmail("PASSWORD_CHANGED", to.email(), this.templates.email("password-changed", locale,
				Map.of("name", to.name(), "when", when, "ipAddress", ipAddress)), false);
		log.debug("Queued the password-change notice for {}", to);
	}

	/**
	 * Tells the customer by e-mail and SMS that a transfer left their account: amount, accounts masked, when and its
	 * reference, so that one they did not make is noticed at once.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendTransferDone(Recipient to, Instant at, String amount, String fromMasked, String toMasked,
			String reference, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		if (smsReachable(to)) {
			this.outbox.addSms("TRANSFER_DONE", to.mobile(), this.templates.text("transfer-done.sms", locale,
					this.bank.name(), amount, fromMasked, toMasked, when, this.bank.callCenter()), false);
		}
		this.outbox.addEmail("TRANSFER_DONE", to.email(), this.templates.email("transfer-done", locale,
				Map.of("name", to.name(), "when", when, "amount", amount, "from", fromMasked, "to", toMasked,
						"reference", reference)),
				false);
		log.debug("Queued a transfer notice for {}", to);
	}

	/**
	 * Temporary credentials of the corporate portal: the username by e-mail and the password by SMS, never both
	 * through one channel, so that one intercepted message is not enough. Both are sealed and erased after delivery.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendTemporaryCredentials(Recipient to, String username, String password, Instant expiresAt,
			Locale locale) {
		String until = this.templates.dateTime(expiresAt, locale);
		this.outbox.addEmail("TEMPORARY_CREDENTIALS", to.email(), this.templates.email("temporary-credentials",
				locale, Map.of("name", to.name(), "username", username, "until", until)), true);
		if (smsReachable(to)) {
			this.outbox.addSms("TEMPORARY_CREDENTIALS", to.mobile(), this.templates.text("temporary-credentials.sms",
					locale, this.bank.name(), password, until), true);
		}
		log.debug("Queued temporary credentials for {}", to);
	}

	/**
	 * Tells a company user by e-mail and SMS that their password of the corporate portal was changed through
	 * "¿Olvidó su usuario y/o clave?": when, that any lock was lifted and every session ended, and whom to call if it
	 * was not them. Never the password nor the username, so nothing here needs sealing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendCorporatePasswordChanged(Recipient to, Instant at, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		if (smsReachable(to)) {
			this.outbox.addSms("CORPORATE_PASSWORD_CHANGED", to.mobile(), this.templates.text(
					"corporate-password-changed.sms", locale, this.bank.name(), when, this.bank.callCenter()), false);
		}
		this.outbox.addEmail("CORPORATE_PASSWORD_CHANGED", to.email(),
				this.templates.email("corporate-password-changed", locale, Map.of("name", to.name(), "when", when)),
				false);
		log.debug("Queued the corporate password-change notice for {}", to);
	}

	/**
	 * Tells a company user by e-mail and SMS that their login to the corporate portal succeeded ("el ingreso se
	 * realizó con éxito"): the company, date, time and IP address, and whom to call if it was not them.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendCorporateLoginNotice(Recipient to, String company, Instant at, String ipAddress, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		this.outbox.addEmail("CORPORATE_LOGIN_NOTICE", to.email(), this.templates.email("corporate-login-notice",
				locale, Map.of("name", to.name(), "company", company, "when", when, "ipAddress", ipAddress)), false);
		if (smsReachable(to)) {
			this.outbox.addSms("CORPORATE_LOGIN_NOTICE", to.mobile(), this.templates.text("corporate-login-notice.sms",
					locale, this.bank.name(), when, ipAddress, this.bank.callCenter()), false);
		}
		log.debug("Queued a corporate login notice for {}", to);
	}

	/**
	 * Tells a company user by e-mail and SMS that their definitive username and password replaced the temporary
	 * credentials, when and from where. Never the username nor the password.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendCorporateCredentialsCreated(Recipient to, Instant at, String ipAddress, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		this.outbox.addEmail("CORPORATE_CREDENTIALS_CREATED", to.email(), this.templates.email(
				"corporate-credentials-created", locale, Map.of("name", to.name(), "when", when, "ipAddress", ipAddress)),
				false);
		if (smsReachable(to)) {
			this.outbox.addSms("CORPORATE_CREDENTIALS_CREATED", to.mobile(), this.templates.text(
					"corporate-credentials-created.sms", locale, this.bank.name(), when, this.bank.callCenter()), false);
		}
		log.debug("Queued the corporate credentials notice for {}", to);
	}

	/**
	 * Tells a company user by e-mail and SMS that their access to the corporate portal was locked after failed
	 * attempts, until when, and how to get it back.
	 * @param until end of a temporary lock; null for a lock that lasts until the credentials are recovered
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendCorporateAccessLocked(Recipient to, @Nullable Instant until, Locale locale) {
		this.outbox.addEmail("CORPORATE_ACCESS_LOCKED", to.email(), this.templates.email("corporate-access-locked",
				locale, Map.of("name", to.name(), "until", until == null ? "" : this.templates.dateTime(until, locale))),
				false);
		if (smsReachable(to)) {
			this.outbox.addSms("CORPORATE_ACCESS_LOCKED", to.mobile(), this.templates.text(
					"corporate-access-locked.sms", locale, this.bank.name(), this.bank.callCenter()), false);
		}
		log.debug("Queued a corporate access-locked notice for {}", to);
	}

	/**
	 * Tells a user of the corporate portal by e-mail and SMS that their company's administrator changed their data,
	 * naming which fields (never their values). When the e-mail or the mobile changed, the previous address or number
	 * is told too, so that a change its owner did not expect is noticed.
	 * @param fields which fields changed: firstNames, lastNames, email, mobile, profiles, role
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendCompanyUserChanged(Recipient to, io.clave.server.shared.@Nullable EmailAddress previousEmail,
			io.clave.server.shared.@Nullable PhoneNumber previousMobile, java.util.List<String> fields, Instant at,
			Locale locale) {
		String when = this.templates.dateTime(at, locale);
		String what = String.join(", ", fields.stream()
			.map(field -> this.templates.text("company-user-changed.field." + field, locale))
			.toList());
		MessageTemplates.Email email = this.templates.email("company-user-changed", locale,
				Map.of("name", to.name(), "when", when, "fields", what));
		this.outbox.addEmail("COMPANY_USER_CHANGED", to.email(), email, false);
		if (previousEmail != null && !previousEmail.equals(to.email())) {
			this.outbox.addEmail("COMPANY_USER_CHANGED", previousEmail, email, false);
		}
		String sms = this.templates.text("company-user-changed.sms", locale, this.bank.name(), what, when,
				this.bank.callCenter());
		if (smsReachable(to)) {
			this.outbox.addSms("COMPANY_USER_CHANGED", to.mobile(), sms, false);
		}
		if (previousMobile != null && !previousMobile.equals(to.mobile()) && previousMobile.isMobile()) {
			this.outbox.addSms("COMPANY_USER_CHANGED", previousMobile, sms, false);
		}
		log.debug("Queued a company-user-changed notice for {}", to);
	}

	/**
	 * Tells a user of the corporate portal by e-mail and SMS that their company's administrator deleted their access:
	 * their sessions ended and they can no longer log in.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendCompanyUserDeleted(Recipient to, Instant at, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		this.outbox.addEmail("COMPANY_USER_DELETED", to.email(),
				this.templates.email("company-user-deleted", locale, Map.of("name", to.name(), "when", when)), false);
		if (smsReachable(to)) {
			this.outbox.addSms("COMPANY_USER_DELETED", to.mobile(), this.templates.text("company-user-deleted.sms",
					locale, this.bank.name(), when, this.bank.callCenter()), false);
		}
		log.debug("Queued a company-user-deleted notice for {}", to);
	}

	/**
	 * Tells the customer that the bank changed their registered mobile or e-mail (at a branch, approved by a
	 * supervisor): on the old channel, so that a change they did not ask for is noticed, and on the new one.
	 * @param what MOBILE or EMAIL
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendContactChanged(Recipient before, Recipient after, String what, Instant at, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		String field = this.templates.text("contact-changed.what." + ("EMAIL".equals(what) ? "EMAIL" : "MOBILE"),
				locale);
		for (Recipient to : before.equals(after) ? java.util.List.of(after) : java.util.List.of(before, after)) {
			if (smsReachable(to)) {
				this.outbox.addSms("CONTACT_CHANGED", to.mobile(), this.templates.text("contact-changed.sms", locale,
						this.bank.name(), field, when, this.bank.callCenter()), false);
			}
		}
		java.util.Set<String> mailed = new java.util.HashSet<>();
		for (Recipient to : java.util.List.of(before, after)) {
			if (mailed.add(to.email().value())) {
				this.outbox.addEmail("CONTACT_CHANGED", to.email(), this.templates.email("contact-changed", locale,
						Map.of("name", to.name(), "what", field, "when", when)), false);
			}
		}
		log.debug("Queued a contact-change notice for {}", after);
	}

	/**
	 * Tells the customer by e-mail and SMS that the bank reset their Token digital (at their request, approved by a
	 * supervisor): its codes no longer work, the clave temporal by SMS is the second factor until a new token is
	 * activated, and whom to call if they did not ask for it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendTokenReset(Recipient to, Instant at, Locale locale) {
		String when = this.templates.dateTime(at, locale);
		if (smsReachable(to)) {
			this.outbox.addSms("TOKEN_RESET", to.mobile(), this.templates.text("token-reset.sms", locale,
					this.bank.name(), when, this.bank.callCenter()), false);
		}
		this.outbox.addEmail("TOKEN_RESET", to.email(),
				this.templates.email("token-reset", locale, Map.of("name", to.name(), "when", when)), false);
		log.debug("Queued a token-reset notice for {}", to);
	}

}
