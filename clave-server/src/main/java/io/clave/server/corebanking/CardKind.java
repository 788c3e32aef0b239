package io.clave.server.corebanking;

public enum CardKind {

	DEBIT, CREDIT

}
