package io.clave.server.corporate;

import org.jspecify.annotations.Nullable;

/**
 * The signed affiliation form as the bank's operator types it: the company and its administrator, unchecked.
 *
 * @param corporate / merchant the profiles asked for (at least one)
 * @param documentType CEDULA or PASSPORT
 */
public record AffiliationForm(@Nullable String ruc, @Nullable String legalName, boolean corporate, boolean merchant,
		@Nullable String documentType, @Nullable String documentNumber, @Nullable String firstNames,
		@Nullable String lastNames, @Nullable String email, @Nullable String mobile) {
}
