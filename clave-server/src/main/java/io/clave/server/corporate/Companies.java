package io.clave.server.corporate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.clave.server.shared.Ruc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The companies affiliated to the portal. */
@Repository
public class Companies {

	private final JdbcClient jdbc;

	Companies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Company> findById(long id) {
		return this.jdbc.sql("SELECT * FROM companies WHERE id = ?").param(id).query(Companies::map).optional();
	}

	public Optional<Company> findByRuc(Ruc ruc) {
		return this.jdbc.sql("SELECT * FROM companies WHERE ruc = ?")
			.param(ruc.value())
			.query(Companies::map)
			.optional();
	}

	/** Files a company; empty when its RUC is affiliated already. */
	Optional<Long> register(Ruc ruc, String legalName, ProfileSet profiles, String createdBy, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO companies (ruc, legal_name, profiles, created_at, created_by) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (ruc) DO NOTHING RETURNING id""")
			.params(ruc.value(), legalName, profiles.name(), Timestamp.from(now), createdBy)
			.query(Long.class)
			.optional();
	}

	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM companies").query(Long.class).single();
	}

	private static Company map(ResultSet rs, int row) throws SQLException {
		return new Company(rs.getLong("id"), new Ruc(rs.getString("ruc")), rs.getString("legal_name"),
				ProfileSet.valueOf(rs.getString("profiles")), rs.getString("state"));
	}

}
