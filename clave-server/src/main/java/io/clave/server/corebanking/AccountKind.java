package io.clave.server.corebanking;

public enum AccountKind {

	SAVINGS, CHECKING

}
