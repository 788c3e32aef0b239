package io.clave.server.corporate;

import io.clave.server.shared.Ruc;

/** A company affiliated to the portal. */
public record Company(long id, Ruc ruc, String legalName, ProfileSet profiles, String state) {

	public boolean active() {
		return "ACTIVE".equals(this.state);
	}

}
