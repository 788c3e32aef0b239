package io.clave.server.audit;

public enum Outcome {

	SUCCESS, FAILURE

}
