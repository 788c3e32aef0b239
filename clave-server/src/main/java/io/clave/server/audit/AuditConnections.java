package io.clave.server.audit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's own small connection pool to the same database. Audit records are written in transactions of
 * their own, often while the caller's transaction holds a connection; from the shared pool that would need two
 * connections per request, and under load every connection could end up held by a request waiting for its second
 * one. A separate pool cannot be starved that way.
 */
final class AuditConnections implements AutoCloseable {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final HikariDataSource ownPool;

	private AuditConnections(DataSource dataSource, HikariDataSource ownPool) {
		this.jdbc = JdbcClient.create(dataSource);
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.ownPool = ownPool;
	}

	/** A pool of its own beside the application's Hikari pool, or (for another kind of pool) that pool itself. */
	static AuditConnections beside(DataSource main, int poolSize) {
		if (main instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
			HikariDataSource own = new HikariDataSource();
			own.setJdbcUrl(hikari.getJdbcUrl());
			own.setUsername(hikari.getUsername());
			own.setPassword(hikari.getPassword());
			own.setMaximumPoolSize(poolSize);
			own.setMinimumIdle(1);
			own.setPoolName("clave-audit");
			return new AuditConnections(own, own);
		}
		return new AuditConnections(main, null);
	}

	JdbcClient jdbc() {
		return this.jdbc;
	}

	TransactionTemplate ownTransaction() {
		return this.ownTransaction;
	}

	@Override
	public void close() {
		if (this.ownPool != null) {
			this.ownPool.close();
		}
	}

}
