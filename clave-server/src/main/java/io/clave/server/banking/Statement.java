package io.clave.server.banking;

import java.util.List;

import io.clave.server.corebanking.Account;
import io.clave.server.corebanking.AccountMovement;

/** An account of the customer's with its last movements, newest first. */
public record Statement(Account account, List<AccountMovement> movements) {
}
