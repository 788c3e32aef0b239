package io.clave.server.corebanking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import io.clave.server.shared.Cedula;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The customers of the core-banking registry. */
@Repository
public class Customers {

	private final JdbcClient jdbc;

	Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Customer> findById(long id) {
		return this.jdbc.sql("SELECT * FROM customers WHERE id = ?").param(id).query(Customers::map).optional();
	}

	/**
	 * Locks the customer's row until the caller's transaction ends, so that checks over all of a customer's
	 * operations (a daily limit) see one operation at a time.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockForUpdate(long id) {
		this.jdbc.sql("SELECT id FROM customers WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
	}

	public Optional<Customer> findByCedula(Cedula cedula) {
		return this.jdbc.sql("SELECT * FROM customers WHERE cedula = ?")
			.param(cedula.value())
			.query(Customers::map)
			.optional();
	}

	public long register(Cedula cedula, String firstNames, String lastNames, LocalDate birthDate, EmailAddress email,
			PhoneNumber mobile) {
		return this.jdbc.sql("""
				INSERT INTO customers (cedula, first_names, last_names, birth_date, email, mobile_phone)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(cedula.value(), firstNames, lastNames, birthDate, email.value(), mobile.value())
			.query(Long.class)
			.single();
	}

	public void updateHomeAndWorkPhones(long customerId, PhoneNumber home, PhoneNumber work) {
		this.jdbc.sql("UPDATE customers SET home_phone = ?, work_phone = ? WHERE id = ?")
			.params(home.value(), work.value(), customerId)
			.update();
	}

	/** The registered mobile, changed at the bank's desk (maker–checker, in the back office). */
	public void updateMobile(long customerId, PhoneNumber mobile) {
		this.jdbc.sql("UPDATE customers SET mobile_phone = ? WHERE id = ?").params(mobile.value(), customerId).update();
	}

	/** The registered e-mail, changed at the bank's desk (maker–checker, in the back office). */
	public void updateEmail(long customerId, EmailAddress email) {
		this.jdbc.sql("UPDATE customers SET email = ? WHERE id = ?").params(email.value(), customerId).update();
	}

	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM customers").query(Long.class).single();
	}

	static Customer map(ResultSet rs, int row) throws SQLException {
		return new Customer(rs.getLong("id"), new Cedula(rs.getString("cedula")), rs.getString("first_names"),
				rs.getString("last_names"), rs.getObject("birth_date", LocalDate.class),
				new EmailAddress(rs.getString("email")), new PhoneNumber(rs.getString("mobile_phone")),
				Optional.ofNullable(rs.getString("home_phone")).map(PhoneNumber::new),
				Optional.ofNullable(rs.getString("work_phone")).map(PhoneNumber::new));
	}

}
