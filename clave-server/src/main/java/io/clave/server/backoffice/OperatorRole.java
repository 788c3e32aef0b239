package io.clave.server.backoffice;

/**
 * What an operator may do in the back office. Every operator may sign in; the roles decide the rest: operators
 * register affiliations and serve customers, supervisors approve what operators ask (maker–checker), auditors read
 * the audit trail.
 */
public enum OperatorRole {

	OPERATOR, SUPERVISOR, AUDITOR;

	/** The Spring Security authority of the role ({@code ROLE_SUPERVISOR}...). */
	public String authority() {
		return "ROLE_" + name();
	}

}
