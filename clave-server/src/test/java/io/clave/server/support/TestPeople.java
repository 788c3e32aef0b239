package io.clave.server.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.clave.server.shared.Cedula;
import io.clave.server.shared.EmailAddress;
import io.clave.server.shared.PhoneNumber;

/** Fresh, valid and unique identifiers, so that tests sharing one database never see each other's people. */
public final class TestPeople {

	private static final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

	private TestPeople() {
	}

	public static Cedula newCedula() {
		String nine = String.format("17%07d", sequence.incrementAndGet() % 10_000_000);
		nine = nine.substring(0, 2) + "1" + nine.substring(3);
		return new Cedula(nine + Cedula.checkDigit(nine));
	}

	public static PhoneNumber newMobile() {
		return new PhoneNumber(String.format("09%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
	}

	public static EmailAddress newEmail() {
		return new EmailAddress("persona" + sequence.incrementAndGet() + "@example.com");
	}

	/** A Luhn-valid 16-digit card number with the given prefix. */
	public static String newCardNumber(String prefix) {
		StringBuilder digits = new StringBuilder(prefix);
		while (digits.length() < 15) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		int sum = 0;
		for (int i = 0; i < 15; i++) {
			int d = digits.charAt(14 - i) - '0';
			if (i % 2 == 0) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return digits.append((10 - sum % 10) % 10).toString();
	}

	public static String newAccountNumber() {
		return String.format("22%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

}
