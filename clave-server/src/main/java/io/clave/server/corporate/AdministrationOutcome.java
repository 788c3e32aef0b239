package io.clave.server.corporate;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The answer to an administrator's action on the company's users.
 *
 * @param change for PENDING (and DONE after a confirmation), the change
 * @param user for DONE, the user as the change left it (the new one, the edited one, the deleted record)
 * @param messageKey for REFUSED, WRONG_KEY, KEY_EXPIRED and OVER, what to tell the administrator
 * @param fieldErrors for REJECTED, a message code per field
 * @param attemptsLeft for WRONG_KEY, wrong keys left before the change is dropped
 */
public record AdministrationOutcome(Kind kind, @Nullable PendingUserChange change, @Nullable CompanyUser user,
		@Nullable String messageKey, Map<String, String> fieldErrors, int attemptsLeft) {

	public enum Kind {
		/** Waiting for "Aceptar" (and the clave temporal when the change asks for one). */
		PENDING,
		/** Done. */
		DONE,
		/** A field does not fit; nothing was written. */
		REJECTED,
		/** A rule forbids it (the identity document, oneself, the last administrator...); nothing changed. */
		REFUSED,
		/** No such user or change in the administrator's company: an unknown id and another company's alike. */
		UNKNOWN,
		/** The clave temporal is wrong; more tries are left. */
		WRONG_KEY,
		/** The clave temporal expired or was spent; a new one may be asked for. */
		KEY_EXPIRED,
		/** The change was dropped (too many wrong keys, or too late): start again. */
		OVER,
		/** The edit changes nothing. */
		NO_CHANGES
	}

	static AdministrationOutcome pending(PendingUserChange change) {
		return new AdministrationOutcome(Kind.PENDING, change, null, null, Map.of(), 0);
	}

	static AdministrationOutcome done(@Nullable PendingUserChange change, CompanyUser user) {
		return new AdministrationOutcome(Kind.DONE, change, user, null, Map.of(), 0);
	}

	static AdministrationOutcome rejected(Map<String, String> fieldErrors) {
		return new AdministrationOutcome(Kind.REJECTED, null, null, "form.errors", fieldErrors, 0);
	}

	static AdministrationOutcome of(Kind kind, String messageKey) {
		return new AdministrationOutcome(kind, null, null, messageKey, Map.of(), 0);
	}

	static AdministrationOutcome unknown() {
		return of(Kind.UNKNOWN, "corporate.users.unknown");
	}

}
