package io.clave.server.corebanking;

import java.time.LocalDate;
import java.util.Optional;

import io.clave.server.shared.Cedula;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;

/** A customer of the bank as the core-banking registry knows them. */
public record Customer(long id, Cedula cedula, String firstNames, String lastNames, LocalDate birthDate,
		EmailAddress email, PhoneNumber mobilePhone, Optional<PhoneNumber> homePhone,
		Optional<PhoneNumber> workPhone) {

	public String fullName() {
		return this.firstNames + " " + this.lastNames;
	}

	@Override
	public String toString() {
		return "Customer[id=" + this.id + ", cedula=" + this.cedula.masked() + "]";
	}

}
