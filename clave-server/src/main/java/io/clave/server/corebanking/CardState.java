package io.clave.server.corebanking;

public enum CardState {

	ACTIVE, BLOCKED, EXPIRED, CANCELLED

}
