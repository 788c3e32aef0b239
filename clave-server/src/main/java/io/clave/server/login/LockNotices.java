package io.clave.server.login;

import java.util.UUID;

import io.clave.server.corebanking.Customers;
import io.clave.server.identity.Lockout;
import io.clave.server.identity.Users;
import io.clave.server.notification.Notifications;
import io.clave.server.notification.Recipient;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the customer their access was just locked, by e-mail and SMS, in the language of the request. */
@Component
class LockNotices {

	private final Users users;

	private final Customers customers;

	private final Notifications notifications;

	LockNotices(Users users, Customers customers, Notifications notifications) {
		this.users = users;
		this.customers = customers;
		this.notifications = notifications;
	}

	@Transactional
	void sendIfJustLocked(UUID userId, Lockout lockout) {
		if (!lockout.justLocked()) {
			return;
		}
		this.users.findById(userId)
			.flatMap(user -> this.customers.findById(user.customerId()))
			.ifPresent(customer -> this.notifications.sendAccessLocked(
					new Recipient(customer.firstNames(), customer.mobilePhone(), customer.email()),
					lockout.permanent() ? null : lockout.lockedUntil(), LocaleContextHolder.getLocale()));
	}

}
