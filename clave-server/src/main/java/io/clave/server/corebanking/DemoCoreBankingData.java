package io.clave.server.corebanking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

import io.clave.server.shared.BankSettings;
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

	private final AccountMovements movements;

	private final Clock clock;

	private final BankSettings bank;

	DemoCoreBankingData(Customers customers, Cards cards, Accounts accounts, AccountMovements movements, Clock clock,
			BankSettings bank) {
		this.customers = customers;
		this.cards = cards;
		this.accounts = accounts;
		this.movements = movements;
		this.clock = clock;
		this.bank = bank;
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
		account(maria, AccountKind.SAVINGS, "2200123456", "1520.35", "1.00");

		long carlos = customer("0602910945", "Carlos Andrés", "Mora Vega", "1985-09-30", "carlos.mora@example.com",
				"0987654321");
		long carlosCredit = this.cards.register(carlos, CardKind.CREDIT, "5457210055512349", "2468",
				LocalDate.of(2023, 8, 1), YearMonth.of(2028, 8), CardState.ACTIVE);
		this.cards.updateCreditBalance(carlosCredit, new BigDecimal("3000.00"), new BigDecimal("845.20"),
				new BigDecimal("62.50"), today().plusDays(12));
		account(carlos, AccountKind.SAVINGS, "2200654321", "860.00", "0.60");

		long lucia = customer("0926687856", "Lucía Elena", "Paredes Cruz", "1978-01-22", "lucia.paredes@example.com",
				"0998877665");
		this.cards.register(lucia, CardKind.DEBIT, "4213560098765439", "4826", LocalDate.of(2023, 11, 1),
				YearMonth.of(2028, 11), CardState.ACTIVE);
		long luciaCredit = this.cards.register(lucia, CardKind.CREDIT, "5457210077788893", "9173",
				LocalDate.of(2025, 5, 1), YearMonth.of(2030, 5), CardState.ACTIVE);
		this.cards.updateCreditBalance(luciaCredit, new BigDecimal("8000.00"), new BigDecimal("2310.75"),
				new BigDecimal("150.00"), today().plusDays(20));
		account(lucia, AccountKind.SAVINGS, "2200777888", "12450.80", "3.00");
		account(lucia, AccountKind.CHECKING, "1100555666", "3200.00", "1.50");

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

	/**
	 * A month of an ordinary customer's movements, oldest first: days ago, hour, description, amount. Scaled per
	 * account; the net is small, so the balance before the first one stays positive.
	 */
	private static final List<Object[]> MONTH = List.of(new Object[] { 34, 9, "Acreditación de sueldo", "1150.00" },
			new Object[] { 33, 12, "Retiro cajero automático", "-100.00" },
			new Object[] { 31, 18, "Compra con tarjeta de débito - Supermaxi", "-86.45" },
			new Object[] { 29, 10, "Pago servicios básicos - Empresa Eléctrica", "-42.30" },
			new Object[] { 27, 15, "Transferencia enviada", "-250.00" },
			new Object[] { 24, 11, "Pago tarjeta de crédito", "-320.00" },
			new Object[] { 21, 16, "Transferencia recibida", "180.00" },
			new Object[] { 19, 13, "Pago servicio de telefonía móvil", "-25.90" },
			new Object[] { 16, 19, "Compra con tarjeta de débito - Farmacia", "-18.75" },
			new Object[] { 13, 8, "Retiro cajero automático", "-60.00" },
			new Object[] { 10, 14, "Depósito en efectivo", "200.00" },
			new Object[] { 7, 10, "Pago servicios básicos - Agua potable", "-21.40" },
			new Object[] { 5, 17, "Transferencia recibida", "75.00" },
			new Object[] { 3, 12, "Pago tarjeta de crédito", "-150.00" },
			new Object[] { 1, 9, "Comisión mantenimiento de cuenta", "-1.50" });

	/** Opens an account whose movements of the last weeks end at the given balance. */
	private void account(long customerId, AccountKind kind, String number, String balance, String scale) {
		BigDecimal current = new BigDecimal(balance);
		long id = this.accounts.register(customerId, kind, number, current);
		BigDecimal factor = new BigDecimal(scale);
		List<BigDecimal> amounts = MONTH.stream()
			.map(row -> new BigDecimal((String) row[3]).multiply(factor).setScale(2, RoundingMode.HALF_UP))
			.toList();
		BigDecimal running = current.subtract(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		ZonedDateTime now = this.clock.instant().atZone(this.bank.timeZone());
		for (int i = 0; i < MONTH.size(); i++) {
			Object[] row = MONTH.get(i);
			running = running.add(amounts.get(i));
			ZonedDateTime at = now.minusDays((Integer) row[0]).withHour((Integer) row[1]).withMinute(7 * i % 60);
			this.movements.record(id, at.toInstant(), (String) row[2], amounts.get(i), running);
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.bank.timeZone());
	}

	private long customer(String cedula, String firstNames, String lastNames, String birthDate, String email,
			String mobile) {
		return this.customers.register(new Cedula(cedula), firstNames, lastNames, LocalDate.parse(birthDate),
				new EmailAddress(email), new PhoneNumber(mobile));
	}

}
