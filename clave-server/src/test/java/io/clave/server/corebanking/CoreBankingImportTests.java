package io.clave.server.corebanking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clave.server.support.IntegrationTest;
import io.clave.server.support.TestCustomers;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The core-banking import: every row checked, the valid ones loaded, the same file twice changing nothing. */
class CoreBankingImportTests extends IntegrationTest {

	@Autowired
	Imports imports;

	@Autowired
	Customers customers;

	@Autowired
	Cards cards;

	@Autowired
	Accounts accounts;

	@Autowired
	PinVerifier pins;

	@Autowired
	TestCustomers testCustomers;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void validRowsAreLoadedAndEachInvalidRowIsReportedWithItsLineAndReason() throws IOException {
		String ana = TestPeople.newCedula().value();
		String bruno = TestPeople.newCedula().value();
		String carla = TestPeople.newCedula().value();
		String anaDebit = TestPeople.newCardNumber("4213");
		String anaCredit = TestPeople.newCardNumber("5457");
		String anaAccount = TestPeople.newAccountNumber();
		String brunoAccount = TestPeople.newAccountNumber();
		String wrongLuhn = anaDebit.substring(0, 15) + (char) ('0' + (anaDebit.charAt(15) - '0' + 1) % 10);
		TestCustomers.Person registered = this.testCustomers.withDebitCard(CardState.ACTIVE);
		List<String> rows = List.of(
				// 2: a customer with a debit card (PIN) and a savings account
				row(ana, anaDebit, "DEBIT", "4321", anaAccount, "SAVINGS", "1520.35"),
				// 3: the same customer's credit card without a PIN (verified by the bank's HSM), names quoted
				ana + ",\"María, Fernanda\",Andrade López,1990-04-12,ana@example.com,0991234567," + anaCredit
						+ ",credit,,2024-03-01,2029-03,ACTIVE,,,",
				// 4: a customer with an account only
				bruno + ",Bruno,Mora Vega,1985-09-30,bruno@example.com,+593 98 765 4321,,,,,,," + brunoAccount
						+ ",CHECKING,-12.50",
				"1234567890,Uno,Dos,1990-01-01,x@example.com,0991234567,,,,,,,2233445566,SAVINGS,1.00", // 5
				row(carla, "", "", "", "", "", "").replace("Carla", ""), // 6: no first names
				row(carla, "", "", "", TestPeople.newAccountNumber(), "SAVINGS", "1").replace("1992-02-02", "1990-13-01"),
				row(carla, "", "", "", TestPeople.newAccountNumber(), "SAVINGS", "1").replace("carla@", "carla@@"), // 8
				row(carla, "", "", "", TestPeople.newAccountNumber(), "SAVINGS", "1").replace("0997654321", "022345678"),
				row(carla, wrongLuhn, "DEBIT", "1234", "", "", ""), // 10
				row(carla, TestPeople.newCardNumber("4213"), "PREPAID", "1234", "", "", ""),
				row(carla, TestPeople.newCardNumber("4213"), "DEBIT", "12a4", "", "", ""), // 12
				row(carla, TestPeople.newCardNumber("4213"), "DEBIT", "1234", "", "", "").replace("2024-03-01", "2031-01-01"),
				row(carla, TestPeople.newCardNumber("4213"), "DEBIT", "1234", "", "", "").replace("2029-03", "2029-13"),
				row(carla, TestPeople.newCardNumber("4213"), "DEBIT", "1234", "", "", "").replace("ACTIVE", "LOST"),
				row(carla, "", "", "", "12ab", "SAVINGS", "1"), // 16
				row(carla, "", "", "", TestPeople.newAccountNumber(), "TERM", "1"),
				row(carla, "", "", "", TestPeople.newAccountNumber(), "SAVINGS", "12.345"), // 18
				carla + ",only,three", // 19
				row(carla, "", "", "", "", "", ""), // 20: neither card nor account
				row(carla, anaDebit, "DEBIT", "9999", "", "", ""), // 21: Ana's card, earlier in the file
				row(carla, "", "", "", brunoAccount, "SAVINGS", "5"), // 22: Bruno's account
				row(carla, registered.cardNumber(), "DEBIT", "9999", "", "", "")); // 23: registered to another

		ImportReport report = run(rows);

		assertThat(report.rows()).isEqualTo(22);
		assertThat(report.loaded()).isEqualTo(3);
		assertThat(report.rejected()).isEqualTo(19);
		assertThat(report.rejections()).extracting(ImportRejection::line, ImportRejection::problem)
			.containsExactly(tuple(5L, ImportProblem.CEDULA), tuple(6L, ImportProblem.NAMES),
					tuple(7L, ImportProblem.BIRTH_DATE), tuple(8L, ImportProblem.EMAIL),
					tuple(9L, ImportProblem.MOBILE), tuple(10L, ImportProblem.CARD_NUMBER),
					tuple(11L, ImportProblem.CARD_KIND), tuple(12L, ImportProblem.PIN),
					tuple(13L, ImportProblem.ISSUE_DATE), tuple(14L, ImportProblem.EXPIRY),
					tuple(15L, ImportProblem.CARD_STATE), tuple(16L, ImportProblem.ACCOUNT_NUMBER),
					tuple(17L, ImportProblem.ACCOUNT_KIND), tuple(18L, ImportProblem.BALANCE),
					tuple(19L, ImportProblem.COLUMNS), tuple(20L, ImportProblem.EMPTY),
					tuple(21L, ImportProblem.CARD_OF_ANOTHER_CUSTOMER),
					tuple(22L, ImportProblem.ACCOUNT_OF_ANOTHER_CUSTOMER),
					tuple(23L, ImportProblem.CARD_OF_ANOTHER_CUSTOMER));
		// the report names whose row it was by the masked cédula, never a card number or a PIN
		assertThat(report.rejections().get(5).maskedCedula()).isEqualTo("******" + carla.substring(6));
		for (ImportRejection rejection : report.rejections()) {
			assertThat(rejection.describe()).doesNotContain(carla, anaDebit, wrongLuhn, registered.cardNumber(), "9999",
					"12a4");
		}
		assertThat(report.customers()).isEqualTo(new ImportCounts(2, 0, 0));
		assertThat(report.cards()).isEqualTo(new ImportCounts(2, 0, 0));
		assertThat(report.accounts()).isEqualTo(new ImportCounts(2, 0, 0));

		Customer loadedAna = this.customers.findByCedula(new io.clave.server.shared.Cedula(ana)).orElseThrow();
		assertThat(loadedAna.firstNames()).isEqualTo("María, Fernanda"); // the last row of a customer wins
		assertThat(loadedAna.mobilePhone().value()).isEqualTo("0991234567");
		Card debit = this.cards.findByNumber(anaDebit).orElseThrow();
		assertThat(debit.customerId()).isEqualTo(loadedAna.id());
		assertThat(debit.lastFour()).isEqualTo(anaDebit.substring(12));
		assertThat(debit.kind()).isEqualTo(CardKind.DEBIT);
		assertThat(this.pins.verify(debit, "4321")).isTrue();
		assertThat(this.pins.verify(debit, "1234")).isFalse();
		Card credit = this.cards.findByNumber(anaCredit).orElseThrow();
		assertThat(credit.kind()).isEqualTo(CardKind.CREDIT);
		assertThat(this.pins.verify(credit, "")).isFalse();
		assertThat(this.pins.verify(credit, "4321")).isFalse();
		assertThat(this.accounts.findByNumber(anaAccount).orElseThrow().balance()).isEqualByComparingTo("1520.35");
		Account brunos = this.accounts.findByNumber(brunoAccount).orElseThrow();
		assertThat(brunos.kind()).isEqualTo(AccountKind.CHECKING);
		assertThat(brunos.balance()).isEqualByComparingTo("-12.50");
		assertThat(this.customers.findById(brunos.customerId()).orElseThrow().mobilePhone().value())
			.isEqualTo("0987654321");
		// nothing of the rejected rows: not Carla, not Ana's card given to her, not the registered card's PIN
		assertThat(this.customers.findByCedula(new io.clave.server.shared.Cedula(carla))).isEmpty();
		assertThat(this.pins.verify(this.cards.findByNumber(registered.cardNumber()).orElseThrow(), TestCustomers.PIN))
			.isTrue();
	}

	@Test
	void theSameFileTwiceChangesNothingAndAChangedRowUpdatesOnlyItsRecord() throws IOException {
		List<String> rows = new ArrayList<>();
		List<String> cedulas = new ArrayList<>();
		List<String> accountNumbers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String cedula = TestPeople.newCedula().value();
			cedulas.add(cedula);
			accountNumbers.add(TestPeople.newAccountNumber());
			rows.add(row(cedula, TestPeople.newCardNumber("4213"), "DEBIT", "13" + i + "7", accountNumbers.get(i),
					"SAVINGS", "100.0" + i));
		}
		ImportReport first = run(rows);
		assertThat(first.customers()).isEqualTo(new ImportCounts(5, 0, 0));
		assertThat(first.changedNothing()).isFalse();
		List<Map<String, Object>> before = snapshot(cedulas);

		ImportReport second = run(rows);

		assertThat(second.rejected()).isZero();
		assertThat(second.changedNothing()).isTrue();
		assertThat(second.customers()).isEqualTo(new ImportCounts(0, 0, 5));
		assertThat(second.cards()).isEqualTo(new ImportCounts(0, 0, 5));
		assertThat(second.accounts()).isEqualTo(new ImportCounts(0, 0, 5));
		assertThat(snapshot(cedulas)).isEqualTo(before);

		// the core moved one balance and blocked a card: only those change
		rows.set(2, rows.get(2).replace("100.02", "75.40"));
		rows.set(3, rows.get(3).replace("ACTIVE", "BLOCKED"));
		ImportReport third = run(rows);
		assertThat(third.customers()).isEqualTo(new ImportCounts(0, 0, 5));
		assertThat(third.cards()).isEqualTo(new ImportCounts(0, 1, 4));
		assertThat(third.accounts()).isEqualTo(new ImportCounts(0, 1, 4));
		assertThat(this.accounts.findByNumber(accountNumbers.get(2)).orElseThrow().balance())
			.isEqualByComparingTo(new BigDecimal("75.40"));
	}

	@Test
	void aFileWithoutTheHeaderIsRefusedWhole() {
		String row = row(TestPeople.newCedula().value(), "", "", "", TestPeople.newAccountNumber(), "SAVINGS", "1");
		assertThatThrownBy(() -> this.imports.run(new ByteArrayInputStream(row.getBytes(StandardCharsets.UTF_8)),
				ImportListener.NONE))
			.isInstanceOf(ImportRefusedException.class)
			.extracting(ex -> ((ImportRefusedException) ex).reason())
			.isEqualTo(ImportRefusedException.Reason.NOT_THE_FORMAT);
	}

	@Test
	void theCommandGeneratesAValidFileAndImportsIt() throws IOException {
		Path file = this.folder.resolve("generated.csv");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int generated = ImportCommandLine.run(
				new String[] { "import", "generate", "--count", "30", "--file", file.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(generated).isZero();
		assertThat(Files.readAllLines(file)).hasSize(1 + 33).first().isEqualTo(ImportFormat.HEADER);

		// the whole command as the jar runs it: its own context, without a web server, on the tests' database
		int imported = ImportCommandLine.run(
				new String[] { "import", "--file", file.toString(), "--spring.profiles.active=test" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(imported).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("33 rows read, 33 loaded, 0 rejected",
				"Customers: 30 new, 0 updated, 0 unchanged", "Cards:     33 new", "Accounts:  33 new");
		Card card = this.cards.findByNumber(ImportFileGenerator.cardNumberOf("5999", 19)).orElseThrow();
		assertThat(this.pins.verify(card, ImportFileGenerator.pinOf(19))).isTrue();
		assertThat(this.customers.findById(card.customerId()).orElseThrow().cedula().value())
			.isEqualTo(ImportFileGenerator.cedulaOf(19));

		ByteArrayOutputStream again = new ByteArrayOutputStream();
		assertThat(ImportCommandLine.load(this.imports, file, new PrintStream(again, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
		assertThat(again.toString(StandardCharsets.UTF_8)).contains("Customers: 0 new, 0 updated, 30 unchanged",
				"Cards:     0 new, 0 updated, 33 unchanged", "Accounts:  0 new, 0 updated, 33 unchanged");

		// a file with rejected rows: each printed with its line, exit status 1
		Path bad = this.folder.resolve("bad.csv");
		Files.writeString(bad, ImportFormat.HEADER + "\n1234567890,Uno,Dos,1990-01-01,x@example.com,0991234567,,,,,,,"
				+ "2233445566,SAVINGS,1.00\n");
		ByteArrayOutputStream rejected = new ByteArrayOutputStream();
		assertThat(ImportCommandLine.load(this.imports, bad, new PrintStream(rejected, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(rejected.toString(StandardCharsets.UTF_8)).contains("Rejected line 2: the cédula is not");
	}

	@Test
	void everyReasonHasItsTextInBothLanguages() throws IOException {
		for (String bundle : List.of("messages/backoffice.properties", "messages/backoffice_en.properties")) {
			java.util.Properties messages = new java.util.Properties();
			try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
				messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
			}
			for (ImportProblem problem : ImportProblem.values()) {
				assertThat(messages).containsKey("backoffice.import.problem." + problem.code());
			}
			for (ImportRefusedException.Reason reason : ImportRefusedException.Reason.values()) {
				assertThat(messages).containsKey("backoffice.import.refused." + reason.code());
			}
		}
	}

	/** A row of Carla's shape with the card and account columns given. */
	static String row(String cedula, String card, String cardKind, String pin, String account, String accountKind,
			String balance) {
		String cardColumns = card.isEmpty() && cardKind.isEmpty() ? ",,,,," : card + "," + cardKind + "," + pin
				+ ",2024-03-01,2029-03,ACTIVE";
		return cedula + ",Carla,Vera Macías,1992-02-02,carla@example.com,0997654321," + cardColumns + "," + account
				+ "," + accountKind + "," + balance;
	}

	private ImportReport run(List<String> rows) throws IOException {
		String file = ImportFormat.HEADER + "\n" + String.join("\n", rows) + "\n";
		return this.imports.run(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), ImportListener.NONE);
	}

	private List<Map<String, Object>> snapshot(List<String> cedulas) {
		return this.jdbc.sql("""
				SELECT cu.*, c.id AS card_id, c.kind, c.pan_hmac, c.last_four, c.pin_hmac, c.issue_date, c.expiry_month,
				       c.expiry_year, c.state, a.id AS account_id, a.number, a.balance, a.kind AS account_kind,
				       cu.xmin::text AS customer_version, c.xmin::text AS card_version, a.xmin::text AS account_version
				  FROM customers cu JOIN cards c ON c.customer_id = cu.id JOIN accounts a ON a.customer_id = cu.id
				 WHERE cu.cedula IN (:cedulas) ORDER BY cu.cedula""")
			.param("cedulas", cedulas)
			.query()
			.listOfRows()
			.stream()
			.map(row -> {
				Map<String, Object> copy = new java.util.TreeMap<>(row);
				copy.replaceAll((k, v) -> v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : v);
				return (Map<String, Object>) copy;
			})
			.toList();
	}

}
