package io.clave.server.corebanking;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import io.clave.server.shared.Cedula;

/**
 * A valid synthetic import file of any size, so that anyone can reproduce the import's measurement
 * ({@code import generate --count 1000000 --file big.csv}). Customer {@code i} (from 0) has a debit card and a
 * savings account on one row; every tenth also a credit card and a checking account on a second row. Cédulas have
 * valid check digits (province 01 onwards, so never the demo's nor the tests' people), card numbers pass the Luhn
 * check (test prefixes 4999 and 5999), account numbers are unique (30... savings, 31... checking). Every card's PIN
 * is {@link #pinOf(long)}. Not real people, not real cards.
 */
public final class ImportFileGenerator {

	private static final String[] FIRST = { "María Fernanda", "Carlos Andrés", "Lucía Elena", "Jorge Luis",
			"Ana Lucía", "José Miguel", "Daniela", "Luis Alberto", "Gabriela", "Juan Pablo", "Sofía", "Diego" };

	private static final String[] LAST = { "Andrade López", "Mora Vega", "Paredes Cruz", "Salazar Pinto",
			"Cevallos Ruiz", "Zambrano Loor", "Guerrero Toapanta", "Vera Macías", "Chávez Quishpe", "Ortiz Bravo" };

	private static final LocalDate FIRST_BIRTH = LocalDate.of(1950, 1, 1);

	private static final LocalDate FIRST_ISSUE = LocalDate.of(2023, 1, 1);

	private ImportFileGenerator() {
	}

	/** @return the number of rows written (besides the header) */
	public static long generate(long count, OutputStream output) throws IOException {
		Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
		out.write(ImportFormat.HEADER);
		out.write('\n');
		long rows = 0;
		for (long i = 0; i < count; i++) {
			String customer = cedulaOf(i) + "," + FIRST[(int) (i % FIRST.length)] + ","
					+ LAST[(int) ((i / FIRST.length) % LAST.length)] + "," + FIRST_BIRTH.plusDays(i % 20_000) + ","
					+ "cliente" + i + "@example.com," + String.format("09%08d", (i * 7_919) % 100_000_000) + ",";
			LocalDate issued = FIRST_ISSUE.plusDays(i % 700);
			YearMonth expiry = YearMonth.from(issued).plusYears(5);
			out.write(customer + cardNumberOf("4999", i) + ",DEBIT," + pinOf(i) + "," + issued + "," + expiry
					+ ",ACTIVE," + String.format("30%08d", i) + ",SAVINGS," + (i % 500_000) + "." + (i % 90 + 10)
					+ "\n");
			rows++;
			if (i % 10 == 9) {
				out.write(customer + cardNumberOf("5999", i) + ",CREDIT," + pinOf(i) + "," + issued + "," + expiry
						+ ",ACTIVE," + String.format("31%08d", i) + ",CHECKING," + (i % 9_000) + ".00\n");
				rows++;
			}
		}
		out.flush();
		return rows;
	}

	/** The i-th synthetic cédula (unique for i below 144 million). */
	public static String cedulaOf(long i) {
		String nine = String.format("%02d%d%06d", 1 + (i / 6_000_000) % 24, (i / 1_000_000) % 6, i % 1_000_000);
		return nine + Cedula.checkDigit(nine);
	}

	/** A 16-digit Luhn-valid number: the 4-digit prefix, i in 11 digits, the check digit. */
	public static String cardNumberOf(String prefix, long i) {
		String fifteen = prefix + String.format("%011d", i);
		int sum = 0;
		for (int k = 0; k < 15; k++) {
			int d = fifteen.charAt(14 - k) - '0';
			if (k % 2 == 0) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return fifteen + (10 - sum % 10) % 10;
	}

	public static String pinOf(long i) {
		return String.format("%04d", (i * 7_919 + 1_234) % 10_000);
	}

}
