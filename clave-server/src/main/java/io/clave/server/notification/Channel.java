package io.clave.server.notification;

/** The transport of one outbox row. */
enum Channel {

	SMS, EMAIL

}
