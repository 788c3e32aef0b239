package io.clave.server.audit;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuditConnections auditConnections(DataSource dataSource, @Value("${clave.audit.pool-size:5}") int poolSize) {
		return AuditConnections.beside(dataSource, poolSize);
	}

}
