package io.clave.server.authorization;

/** What is authorised: a transfer, a cardless cash withdrawal at an ATM, a payment. */
public enum OperationKind {

	TRANSFER, CARDLESS_WITHDRAWAL, PAYMENT

}
