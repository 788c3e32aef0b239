package io.clave.server.corporate;

/** An administrator manages the company's users; an additional user only uses the portal. */
public enum CompanyRole {

	ADMIN, USER

}
