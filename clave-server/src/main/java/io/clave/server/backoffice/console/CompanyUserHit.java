package io.clave.server.backoffice.console;

import java.util.UUID;

/** A company user a search found, with the company. */
public record CompanyUserHit(long companyId, String ruc, String legalName, UUID userId, String fullName,
		String document, String username, String state) {
}
