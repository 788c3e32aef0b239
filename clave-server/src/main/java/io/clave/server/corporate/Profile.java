package io.clave.server.corporate;

/** The two faces of the portal: Perfil Corporativo (the company's cards) and Perfil Establecimiento (a merchant's sales). */
public enum Profile {

	CORPORATE, MERCHANT

}
