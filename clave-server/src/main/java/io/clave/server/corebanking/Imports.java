package io.clave.server.corebanking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Loads customers, cards and accounts from the core-banking system's extract (docs/core-banking-import.md). The file
 * is streamed, never held whole: each batch of valid rows has its card numbers and PINs hashed (HMAC, as
 * {@link Cards#register} does), is copied into a temporary table with PostgreSQL's COPY, checked against cards and
 * accounts already registered to another customer, then upserted keyed by cédula, card-number hash and account
 * number, only where something differs. Running the same file twice therefore changes nothing. One import at a time
 * (a PostgreSQL advisory lock); each batch is one transaction, so an interrupted import is resumed by running the
 * file again.
 */
@Service
public class Imports {

	private static final Logger log = LoggerFactory.getLogger(Imports.class);

	/** "ClaveImp": the advisory lock that keeps imports one at a time across instances. */
	private static final long LOCK = 0x436c617665496d70L;

	private static final HexFormat HEX = HexFormat.of();

	private static final String STAGE = """
			CREATE TEMPORARY TABLE IF NOT EXISTS core_import_stage (
			    line           BIGINT NOT NULL,
			    cedula         VARCHAR(10) NOT NULL,
			    first_names    VARCHAR(80) NOT NULL,
			    last_names     VARCHAR(80) NOT NULL,
			    birth_date     DATE NOT NULL,
			    email          VARCHAR(254) NOT NULL,
			    mobile_phone   VARCHAR(10) NOT NULL,
			    card_id        BIGINT,
			    card_kind      VARCHAR(8),
			    pan_hmac       BYTEA,
			    last_four      CHAR(4),
			    pin_hmac       BYTEA,
			    issue_date     DATE,
			    expiry_month   SMALLINT,
			    expiry_year    SMALLINT,
			    card_state     VARCHAR(10),
			    account_number VARCHAR(20),
			    account_kind   VARCHAR(10),
			    balance        NUMERIC(15, 2)
			) ON COMMIT DELETE ROWS""";

	private static final String COPY = "COPY core_import_stage (line, cedula, first_names, last_names, birth_date, "
			+ "email, mobile_phone, card_id, card_kind, pan_hmac, last_four, pin_hmac, issue_date, expiry_month, "
			+ "expiry_year, card_state, account_number, account_kind, balance) FROM STDIN";

	/** Rows whose card or account is already another customer's, in the registry or earlier in the batch. */
	private static final String CONFLICTS = """
			SELECT s.line, 'CARD_OF_ANOTHER_CUSTOMER' AS problem, s.cedula
			  FROM core_import_stage s JOIN cards c ON c.pan_hmac = s.pan_hmac JOIN customers cu ON cu.id = c.customer_id
			 WHERE cu.cedula <> s.cedula
			UNION ALL
			SELECT s.line, 'CARD_OF_ANOTHER_CUSTOMER', s.cedula FROM core_import_stage s
			 WHERE s.pan_hmac IS NOT NULL AND EXISTS (SELECT 1 FROM core_import_stage t
			       WHERE t.pan_hmac = s.pan_hmac AND t.cedula <> s.cedula AND t.line < s.line)
			UNION ALL
			SELECT s.line, 'ACCOUNT_OF_ANOTHER_CUSTOMER', s.cedula
			  FROM core_import_stage s JOIN accounts a ON a.number = s.account_number JOIN customers cu ON cu.id = a.customer_id
			 WHERE cu.cedula <> s.cedula
			UNION ALL
			SELECT s.line, 'ACCOUNT_OF_ANOTHER_CUSTOMER', s.cedula FROM core_import_stage s
			 WHERE s.account_number IS NOT NULL AND EXISTS (SELECT 1 FROM core_import_stage t
			       WHERE t.account_number = s.account_number AND t.cedula <> s.cedula AND t.line < s.line)""";

	private static final String CUSTOMERS = """
			WITH src AS (
			    SELECT DISTINCT ON (cedula) cedula, first_names, last_names, birth_date, email, mobile_phone
			      FROM core_import_stage ORDER BY cedula, line DESC),
			changed AS (
			    INSERT INTO customers AS c (cedula, first_names, last_names, birth_date, email, mobile_phone)
			    SELECT cedula, first_names, last_names, birth_date, email, mobile_phone FROM src
			    ON CONFLICT (cedula) DO UPDATE SET first_names = excluded.first_names, last_names = excluded.last_names,
			        birth_date = excluded.birth_date, email = excluded.email, mobile_phone = excluded.mobile_phone
			     WHERE (c.first_names, c.last_names, c.birth_date, c.email, c.mobile_phone)
			           IS DISTINCT FROM (excluded.first_names, excluded.last_names, excluded.birth_date, excluded.email,
			                             excluded.mobile_phone)
			    RETURNING (xmax = 0) AS created)
			SELECT (SELECT count(*) FROM src), count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created)
			  FROM changed""";

	/** A card's PIN hash is replaced only when the file gives a PIN (an empty one leaves it to the bank's HSM). */
	private static final String CARDS = """
			WITH src AS (
			    SELECT DISTINCT ON (s.pan_hmac) s.card_id, cu.id AS customer_id, s.card_kind, s.pan_hmac, s.last_four,
			           coalesce(s.pin_hmac, '\\x'::bytea) AS pin_hmac, s.issue_date, s.expiry_month, s.expiry_year,
			           s.card_state
			      FROM core_import_stage s JOIN customers cu ON cu.cedula = s.cedula
			     WHERE s.pan_hmac IS NOT NULL ORDER BY s.pan_hmac, s.line DESC),
			changed AS (
			    INSERT INTO cards AS c (id, customer_id, kind, pan_hmac, last_four, pin_hmac, issue_date, expiry_month,
			                            expiry_year, state)
			    SELECT card_id, customer_id, card_kind, pan_hmac, last_four, pin_hmac, issue_date, expiry_month,
			           expiry_year, card_state FROM src
			    ON CONFLICT (pan_hmac) DO UPDATE SET kind = excluded.kind, last_four = excluded.last_four,
			        pin_hmac = CASE WHEN length(excluded.pin_hmac) = 0 THEN c.pin_hmac ELSE excluded.pin_hmac END,
			        issue_date = excluded.issue_date, expiry_month = excluded.expiry_month,
			        expiry_year = excluded.expiry_year, state = excluded.state,
			        credit_limit = CASE WHEN excluded.kind = 'CREDIT' THEN c.credit_limit END,
			        balance = CASE WHEN excluded.kind = 'CREDIT' THEN c.balance END,
			        minimum_payment = CASE WHEN excluded.kind = 'CREDIT' THEN c.minimum_payment END,
			        payment_due_date = CASE WHEN excluded.kind = 'CREDIT' THEN c.payment_due_date END
			     WHERE c.customer_id = excluded.customer_id
			       AND ((c.kind, c.issue_date, c.expiry_month, c.expiry_year, c.state)
			            IS DISTINCT FROM (excluded.kind, excluded.issue_date, excluded.expiry_month,
			                              excluded.expiry_year, excluded.state)
			            OR (length(excluded.pin_hmac) > 0 AND c.pin_hmac <> excluded.pin_hmac))
			    RETURNING (xmax = 0) AS created)
			SELECT (SELECT count(*) FROM src), count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created)
			  FROM changed""";

	private static final String ACCOUNTS = """
			WITH src AS (
			    SELECT DISTINCT ON (s.account_number) cu.id AS customer_id, s.account_kind, s.account_number, s.balance
			      FROM core_import_stage s JOIN customers cu ON cu.cedula = s.cedula
			     WHERE s.account_number IS NOT NULL ORDER BY s.account_number, s.line DESC),
			changed AS (
			    INSERT INTO accounts AS a (customer_id, kind, number, balance)
			    SELECT customer_id, account_kind, account_number, balance FROM src
			    ON CONFLICT (number) DO UPDATE SET kind = excluded.kind, balance = excluded.balance
			     WHERE a.customer_id = excluded.customer_id
			       AND (a.kind, a.balance) IS DISTINCT FROM (excluded.kind, excluded.balance)
			    RETURNING (xmax = 0) AS created)
			SELECT (SELECT count(*) FROM src), count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created)
			  FROM changed""";

	private final DataSource dataSource;

	private final CardNumbers numbers;

	private final ImportSettings settings;

	private final Clock clock;

	Imports(DataSource dataSource, CardNumbers numbers, ImportSettings settings, Clock clock) {
		this.dataSource = dataSource;
		this.numbers = numbers;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Imports the file. Rejected rows are reported, never loaded; the rest are loaded.
	 * @throws ImportRefusedException when the first line is not the header, or another import is running
	 * @throws IOException when the file cannot be read (the batches before stay loaded: run the file again)
	 */
	public ImportReport run(InputStream input, ImportListener listener) throws IOException {
		long started = System.nanoTime();
		BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16);
		String header = reader.readLine();
		if (header == null || !ImportFormat.isHeader(header)) {
			throw new ImportRefusedException(ImportRefusedException.Reason.NOT_THE_FORMAT);
		}
		Run run = new Run(listener);
		LocalDate today = LocalDate.now(this.clock);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			if (!lock(connection)) {
				throw new ImportRefusedException(ImportRefusedException.Reason.ANOTHER_IMPORT_RUNNING);
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute(STAGE);
				connection.setAutoCommit(false);
				List<ImportRow> batch = new ArrayList<>(this.settings.batchSize());
				long line = 1;
				String text;
				while ((text = reader.readLine()) != null) {
					line++;
					if (text.isBlank()) {
						continue;
					}
					run.rows++;
					ImportFormat.Parsed parsed = ImportFormat.parse(line, text, today);
					if (parsed instanceof ImportFormat.Valid valid) {
						// a full batch is loaded before the next customer's first row, so that a customer's
						// consecutive rows stay in one batch (and are counted once)
						if (batch.size() >= this.settings.batchSize()
								&& !batch.get(batch.size() - 1).cedula.equals(valid.row().cedula)) {
							load(connection, batch, run);
							batch.clear();
						}
						batch.add(valid.row());
					}
					else {
						run.reject(((ImportFormat.Invalid) parsed).rejection());
					}
					if (run.rows % this.settings.progressEvery() == 0) {
						listener.progress(run.rows, run.loaded, run.rejected);
					}
				}
				if (!batch.isEmpty()) {
					load(connection, batch, run);
				}
				listener.progress(run.rows, run.loaded, run.rejected);
			}
			finally {
				end(connection);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The import could not use the database: " + ex.getSQLState(), ex);
		}
		run.rejections.sort(Comparator.comparingLong(ImportRejection::line));
		ImportReport report = new ImportReport(run.rows, run.loaded, run.rejected, run.customers, run.cards,
				run.accounts, List.copyOf(run.rejections), Duration.ofNanos(System.nanoTime() - started));
		log.info("Core-banking import: {} rows, {} loaded, {} rejected; customers {}; cards {}; accounts {}; {} ms",
				report.rows(), report.loaded(), report.rejected(), report.customers(), report.cards(),
				report.accounts(), report.elapsed().toMillis());
		return report;
	}

	/** The state of one run. */
	private final class Run {

		final ImportListener listener;

		long rows;

		long loaded;

		long rejected;

		ImportCounts customers = ImportCounts.NONE;

		ImportCounts cards = ImportCounts.NONE;

		ImportCounts accounts = ImportCounts.NONE;

		final List<ImportRejection> rejections = new ArrayList<>();

		Run(ImportListener listener) {
			this.listener = listener;
		}

		void reject(ImportRejection rejection) {
			this.rejected++;
			if (this.rejections.size() < Imports.this.settings.reportLimit()) {
				this.rejections.add(rejection);
			}
			this.listener.rejected(rejection);
		}

	}

	private void load(Connection connection, List<ImportRow> batch, Run run) throws SQLException {
		try {
			hashCards(connection, batch);
			copy(connection, batch);
			try (Statement statement = connection.createStatement()) {
				statement.execute("ANALYZE core_import_stage");
			}
			Set<Long> refused = conflicts(connection, run);
			if (!refused.isEmpty()) {
				try (PreparedStatement delete = connection
					.prepareStatement("DELETE FROM core_import_stage WHERE line = ANY(?)")) {
					delete.setArray(1, connection.createArrayOf("bigint", refused.toArray(Long[]::new)));
					delete.executeUpdate();
				}
			}
			ImportCounts customers = upsert(connection, CUSTOMERS);
			ImportCounts cards = upsert(connection, CARDS);
			ImportCounts accounts = upsert(connection, ACCOUNTS);
			connection.commit();
			run.customers = run.customers.plus(customers);
			run.cards = run.cards.plus(cards);
			run.accounts = run.accounts.plus(accounts);
			run.loaded += batch.size() - refused.size();
		}
		catch (SQLException ex) {
			connection.rollback();
			log.warn("Core-banking import: a batch of {} rows from line {} was refused by the database ({})",
					batch.size(), batch.get(0).line, ex.getSQLState());
			for (ImportRow row : batch) {
				run.reject(new ImportRejection(row.line, ImportProblem.REFUSED_BY_DATABASE,
						ImportRejection.mask(row.cedula)));
			}
		}
	}

	/**
	 * The card-number hash of every card of the batch, and its id: the registered card's, or a new one from the
	 * sequence, because the PIN's hash is bound to the card's id (as {@link CardNumbers#pinHash} makes it). The
	 * clear PIN leaves the row here.
	 */
	private void hashCards(Connection connection, List<ImportRow> batch) throws SQLException {
		Map<ByteBuffer, Long> ids = new HashMap<>();
		List<byte[]> hashes = new ArrayList<>();
		for (ImportRow row : batch) {
			if (row.hasCard()) {
				row.panHash = this.numbers.panHash(row.pan);
				hashes.add(row.panHash);
			}
		}
		if (hashes.isEmpty()) {
			return;
		}
		try (PreparedStatement existing = connection
			.prepareStatement("SELECT pan_hmac, id FROM cards WHERE pan_hmac = ANY(?)")) {
			existing.setArray(1, connection.createArrayOf("bytea", hashes.toArray(byte[][]::new)));
			try (ResultSet rs = existing.executeQuery()) {
				while (rs.next()) {
					ids.put(ByteBuffer.wrap(rs.getBytes(1)), rs.getLong(2));
				}
			}
		}
		Set<ByteBuffer> missing = new HashSet<>();
		for (byte[] hash : hashes) {
			ByteBuffer key = ByteBuffer.wrap(hash);
			if (!ids.containsKey(key)) {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			try (PreparedStatement next = connection
				.prepareStatement("SELECT nextval('cards_id_seq') FROM generate_series(1, ?)")) {
				next.setInt(1, missing.size());
				try (ResultSet rs = next.executeQuery()) {
					for (ByteBuffer key : missing) {
						rs.next();
						ids.put(key, rs.getLong(1));
					}
				}
			}
		}
		for (ImportRow row : batch) {
			if (row.hasCard()) {
				row.cardId = ids.get(ByteBuffer.wrap(row.panHash));
				String pin = row.takePin();
				row.pinHash = pin == null ? null : this.numbers.pinHash(row.cardId, pin);
			}
		}
	}

	private static void copy(Connection connection, List<ImportRow> batch) throws SQLException {
		StringBuilder text = new StringBuilder(batch.size() * 300);
		for (ImportRow row : batch) {
			text.append(row.line).append('\t').append(row.cedula).append('\t').append(row.firstNames).append('\t')
				.append(row.lastNames).append('\t').append(row.birthDate).append('\t').append(row.email).append('\t')
				.append(row.mobile).append('\t');
			if (row.hasCard()) {
				text.append(row.cardId).append('\t').append(row.cardKind.name()).append('\t').append("\\\\x")
					.append(HEX.formatHex(row.panHash)).append('\t').append(row.pan, row.pan.length() - 4,
							row.pan.length())
					.append('\t');
				if (row.pinHash == null) {
					text.append("\\N");
				}
				else {
					text.append("\\\\x").append(HEX.formatHex(row.pinHash));
				}
				text.append('\t').append(row.issueDate).append('\t').append(row.expiry.getMonthValue()).append('\t')
					.append(row.expiry.getYear()).append('\t').append(row.cardState.name()).append('\t');
			}
			else {
				text.append("\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t");
			}
			if (row.accountNumber != null) {
				text.append(row.accountNumber).append('\t').append(row.accountKind.name()).append('\t')
					.append(row.balance.toPlainString());
			}
			else {
				text.append("\\N\t\\N\t\\N");
			}
			text.append('\n');
		}
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text.toString()));
		}
		catch (IOException ex) {
			throw new SQLException("COPY could not read its rows", "58030", ex);
		}
	}

	private static Set<Long> conflicts(Connection connection, Run run) throws SQLException {
		Map<Long, ImportRejection> refused = new TreeMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(CONFLICTS)) {
			while (rs.next()) {
				long line = rs.getLong(1);
				refused.putIfAbsent(line, new ImportRejection(line, ImportProblem.valueOf(rs.getString(2)),
						ImportRejection.mask(rs.getString(3))));
			}
		}
		refused.values().forEach(run::reject);
		return refused.keySet();
	}

	private static ImportCounts upsert(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			long distinct = rs.getLong(1);
			long created = rs.getLong(2);
			long updated = rs.getLong(3);
			return new ImportCounts(created, updated, distinct - created - updated);
		}
	}

	private static boolean lock(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, LOCK);
			try (ResultSet rs = lock.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/** Leaves the pooled connection as it was found: no stage table, no lock, auto-commit. */
	private static void end(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.rollback();
			connection.setAutoCommit(true);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS core_import_stage");
			statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
		}
	}

}
