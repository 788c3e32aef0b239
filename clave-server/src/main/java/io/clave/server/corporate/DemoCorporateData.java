package io.clave.server.corporate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.clave.server.corebanking.CorporateAccounts;
import io.clave.server.corporate.CompanyUsers.NewCompanyUser;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;
import io.clave.server.shared.Ruc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo companies on the first run: one of each profile type, each with an administrator and an additional
 * user who have definitive credentials (the README lists them), and what their landing pages show from the core.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("clave.demo.seed-core-banking")
class DemoCorporateData implements ApplicationRunner {

	/** The demo users' password (a demo needs one people can type; real users create their own). */
	static final String DEMO_PASSWORD = "Portal2Demo";

	private static final Logger log = LoggerFactory.getLogger(DemoCorporateData.class);

	private final Companies companies;

	private final CompanyUsers users;

	private final CorporateAccounts core;

	private final PasswordEncoder encoder;

	private final Clock clock;

	DemoCorporateData(Companies companies, CompanyUsers users, CorporateAccounts core, PasswordEncoder encoder,
			Clock clock) {
		this.companies = companies;
		this.users = users;
		this.core = core;
		this.encoder = encoder;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.companies.count() > 0) {
			return;
		}
		Instant now = this.clock.instant();
		String hash = this.encoder.encode(DEMO_PASSWORD);
		long andina = company("1792060346001", "Importadora Andina S.A.", ProfileSet.CORPORATE, now);
		user(andina, CompanyRole.ADMIN, "1704567898", "Patricia Elena", "Vásconez Ríos", "0991112233",
				"andina.admin", hash, ProfileSet.CORPORATE, now);
		user(andina, CompanyRole.USER, "0912345675", "Diego Fernando", "Almeida Torres", "0991112244",
				"andina.compras", hash, ProfileSet.CORPORATE, now);
		long ronda = company("0992397535001", "Restaurante La Ronda Cía. Ltda.", ProfileSet.MERCHANT, now);
		user(ronda, CompanyRole.ADMIN, "1711223345", "Gabriela Sofía", "Montalvo Intriago", "0992223344",
				"ronda.admin", hash, ProfileSet.MERCHANT, now);
		user(ronda, CompanyRole.USER, "0923456784", "Luis Alberto", "Quiroz Mena", "0992223355", "ronda.caja01",
				hash, ProfileSet.MERCHANT, now);
		long pacifico = company("1790011674001", "Comercial Pacífico S.A.", ProfileSet.BOTH, now);
		user(pacifico, CompanyRole.ADMIN, "1722334453", "Andrés Sebastián", "Carrera Villacís", "0993334455",
				"pacifico.admin", hash, ProfileSet.BOTH, now);
		user(pacifico, CompanyRole.USER, "0102030400", "Verónica Isabel", "Ordóñez Paz", "0993334466",
				"pacifico.venta", hash, ProfileSet.MERCHANT, now);

		this.core.addCard("1792060346001", "4410", "PATRICIA VASCONEZ", new BigDecimal("15000.00"),
				new BigDecimal("3240.75"));
		this.core.addCard("1792060346001", "7782", "DIEGO ALMEIDA", new BigDecimal("5000.00"),
				new BigDecimal("812.40"));
		this.core.addCard("1790011674001", "5531", "ANDRES CARRERA", new BigDecimal("20000.00"),
				new BigDecimal("6120.00"));
		merchant("0992397535001", now, 0);
		merchant("1790011674001", now, 7);
		log.info("Seeded 3 demo companies with their users (password of every demo company user: see the README)");
	}

	private long company(String ruc, String name, ProfileSet profiles, Instant now) {
		return this.companies.register(new Ruc(ruc), name, profiles, "demo", now).orElseThrow();
	}

	private void user(long companyId, CompanyRole role, String cedula, String firstNames, String lastNames,
			String mobile, String username, String hash, ProfileSet profiles, Instant now) {
		String mail = username.replace('.', '-') + "@empresas.example";
		var id = this.users.create(new NewCompanyUser(companyId, role,
				new IdentityDocument(IdentityDocument.Type.CEDULA, cedula), firstNames, lastNames,
				new EmailAddress(mail), new PhoneNumber(mobile), profiles), username + "-tmp", hash,
				now.plus(Duration.ofDays(7)), "demo", now);
		this.users.setDefinitiveCredentials(id, username, hash, now);
	}

	private void merchant(String ruc, Instant now, int seed) {
		String[] brands = { "Diners Club", "Visa", "Mastercard", "Discover" };
		for (int i = 0; i < 12; i++) {
			BigDecimal amount = new BigDecimal(12 + (i * 37 + seed * 11) % 180).add(new BigDecimal("0.50"));
			this.core.addSale(ruc, now.minus(Duration.ofHours(3L * i + seed)), brands[(i + seed) % brands.length],
					String.format("%04d", (1234 + i * 791 + seed * 97) % 10000), amount,
					String.format("%06d", (104729L * (i + 1) + seed) % 1_000_000));
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneId.of("America/Guayaquil"));
		for (int day = 1; day <= 5; day++) {
			BigDecimal gross = new BigDecimal(800 + day * 135 + seed * 20).add(new BigDecimal("0.25"));
			this.core.addSettlement(ruc, today.minusDays(day), gross,
					gross.multiply(new BigDecimal("0.035")).setScale(2, java.math.RoundingMode.HALF_UP),
					day == 1 ? "PENDING" : "PAID");
		}
	}

}
