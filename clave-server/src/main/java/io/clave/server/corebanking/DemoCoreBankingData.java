package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import io.clave.server.shared.Cedula;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo people on the first run (when the registry is empty). The README lists them with their cards
 * and PINs; these are test numbers, not real cards.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("clave.demo.seed-core-banking")
class DemoCoreBankingData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCoreBankingData.class);

	private final Customers customers;

	private final Cards cards;

	private final Accounts accounts;

	DemoCoreBankingData(Customers customers, Cards cards, Accounts accounts) {
		this.customers = customers;
		this.cards = cards;
		this.accounts = accounts;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.customers.count() > 0) {
			return;
		}
		long maria = customer("1714307103", "María Fernanda", "Andrade López", "1990-04-12",
				"maria.andrade@example.com", "0991234567");
		this.cards.register(maria, CardKind.DEBIT, "4213560012345672", "1357", LocalDate.of(2024, 3, 1),
				YearMonth.of(2029, 3), CardState.ACTIVE);
		this.accounts.register(maria, AccountKind.SAVINGS, "2200123456", new BigDecimal("1520.35"));

		long carlos = customer("0602910945", "Carlos Andrés", "Mora Vega", "1985-09-30", "carlos.mora@example.com",
				"0987654321");
		this.cards.register(carlos, CardKind.CREDIT, "5457210055512349", "2468", LocalDate.of(2023, 8, 1),
				YearMonth.of(2028, 8), CardState.ACTIVE);
		this.accounts.register(carlos, AccountKind.SAVINGS, "2200654321", new BigDecimal("860.00"));

		long lucia = customer("0926687856", "Lucía Elena", "Paredes Cruz", "1978-01-22", "lucia.paredes@example.com",
				"0998877665");
		this.cards.register(lucia, CardKind.DEBIT, "4213560098765439", "4826", LocalDate.of(2023, 11, 1),
				YearMonth.of(2028, 11), CardState.ACTIVE);
		this.cards.register(lucia, CardKind.CREDIT, "5457210077788893", "9173", LocalDate.of(2025, 5, 1),
				YearMonth.of(2030, 5), CardState.ACTIVE);
		this.accounts.register(lucia, AccountKind.SAVINGS, "2200777888", new BigDecimal("12450.80"));
		this.accounts.register(lucia, AccountKind.CHECKING, "1100555666", new BigDecimal("3200.00"));

		long jorge = customer("0910005917", "Jorge Luis", "Salazar Pinto", "1969-06-05", "jorge.salazar@example.com",
				"0976543210");
		this.cards.register(jorge, CardKind.DEBIT, "4213560044455564", "1593", LocalDate.of(2022, 2, 1),
				YearMonth.of(2027, 2), CardState.BLOCKED);

		long ana = customer("1710034065", "Ana Lucía", "Cevallos Ruiz", "1995-12-01", "ana.cevallos@example.com",
				"0965432109");
		this.cards.register(ana, CardKind.DEBIT, "4213560033322213", "7531", LocalDate.of(2020, 1, 1),
				YearMonth.of(2025, 1), CardState.ACTIVE);
		log.info("Seeded the demo core-banking registry with 5 customers (see README)");
	}

	private long customer(String cedula, String firstNames, String lastNames, String birthDate, String email,
			String mobile) {
		return this.customers.register(new Cedula(cedula), firstNames, lastNames, LocalDate.parse(birthDate),
				new EmailAddress(email), new PhoneNumber(mobile));
	}

}
