package io.clave.server.backoffice;

/** What asking for a new operator came to: the operator, or why not. */
public sealed interface OperatorCreation {

	record Created(OperatorEnrolment enrolment) implements OperatorCreation {
	}

	record Refused(Problem problem) implements OperatorCreation {
	}

	enum Problem {

		/** 3 to 40 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit. */
		USERNAME_INVALID,
		/** Another operator has that username (whatever its case). */
		USERNAME_TAKEN,
		/** The display name is empty or longer than 100 characters. */
		NAME_INVALID,
		/** No role, or a role that does not exist. */
		ROLES_INVALID

	}

}
