package io.clave.server.corporate;

import org.jspecify.annotations.Nullable;

/**
 * An administrator's form for one of the company's users, as typed (unchecked): "Agregar Usuario" and the edit
 * (pencil). On an edit the identity document cannot change: left out (null or blank) it stays, and any other document
 * than the user's refuses the whole edit.
 *
 * @param documentType CEDULA or PASSPORT
 * @param corporate / merchant the profiles the user may use (at least one, within the company's)
 * @param role ADMIN or USER; blank means USER for a new user and "unchanged" on an edit
 */
public record CompanyUserForm(@Nullable String documentType, @Nullable String documentNumber,
		@Nullable String firstNames, @Nullable String lastNames, @Nullable String email, @Nullable String mobile,
		boolean corporate, boolean merchant, @Nullable String role) {
}
