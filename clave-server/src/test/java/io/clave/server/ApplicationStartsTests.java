package io.clave.server;

import io.clave.server.corebanking.Customers;
import io.clave.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationStartsTests extends IntegrationTest {

	@Autowired
	Customers customers;

	@Test
	void startsOnPostgresWithTheDemoCustomers() {
		assertThat(this.customers.count()).isGreaterThanOrEqualTo(3);
	}

}
