package io.clave.server.softtoken;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.clave.otp.Ocra;
import io.clave.otp.OcraInput;
import io.clave.otp.OcraSuite;
import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.ClientContext;
import io.clave.server.softtoken.SoftTokenStore.Token;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transaction signing with the Token digital (docs/token-protocol.md §3): the app's OCRA code over the destination
 * and the amount, so a code for one transfer cannot authorise another. Checked within the token's window of
 * one-minute steps, each code at most once, and wrong codes count towards the token's lock like wrong login codes.
 */
@Service
public class TransactionSignatures {

	private static final OcraSuite SUITE = OcraSuite.parse(SoftTokens.SIGNING_SUITE);

	private static final int DESTINATION_DIGITS = 20;

	private static final int AMOUNT_DIGITS = 12;

	private final SoftTokenStore store;

	private final SeedKeys seedKeys;

	private final Secrets secrets;

	private final AuditTrail audit;

	private final SoftTokenSettings settings;

	private final Clock clock;

	TransactionSignatures(SoftTokenStore store, SeedKeys seedKeys, Secrets secrets, AuditTrail audit,
			SoftTokenSettings settings, Clock clock) {
		this.store = store;
		this.seedKeys = seedKeys;
		this.secrets = secrets;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** The OCRA question of a transfer: the destination's digits padded to 20, then the amount in cents to 12. */
	public static String question(long amountInCents, String destinationDigits) {
		if (!destinationDigits.matches("[0-9]{1," + DESTINATION_DIGITS + "}") || amountInCents <= 0
				|| amountInCents > 999_999_999_999L) {
			throw new IllegalArgumentException("a destination of 1 to 20 digits and an amount of 1 to 12 digits");
		}
		return "0".repeat(DESTINATION_DIGITS - destinationDigits.length()) + destinationDigits
				+ String.format(Locale.ROOT, "%0" + AMOUNT_DIGITS + "d", amountInCents);
	}

	/**
	 * Checks a signing code for a transfer of {@code amountInCents} to {@code destinationDigits}, made by the
	 * customer's token in use.
	 */
	@Transactional
	public TokenCheck verify(UUID userId, long amountInCents, String destinationDigits, String code,
			ClientContext client) {
		Optional<Token> found = this.store.lockNewest(userId, "ACTIVE", "LOCKED");
		if (found.isEmpty() || found.get().app() != TokenApp.CLAVE_TOKEN) {
			// a standard authenticator app cannot sign a transaction
			return TokenCheck.NO_TOKEN;
		}
		Token token = found.get();
		if ("LOCKED".equals(token.state())) {
			this.audit.record(AuditEvent.failure("TOKEN_SIGNATURE", subject(userId), client, "token-locked"));
			return TokenCheck.LOCKED;
		}
		String question = question(amountInCents, destinationDigits);
		String candidate = code.strip();
		long now = SUITE.timestamp(this.clock.instant());
		long matched = -1;
		if (candidate.matches("\\d{" + SUITE.digits() + "}")) {
			byte[] seed = this.seedKeys.open(token.seedKeyId(), token.seedBox());
			for (long step = now - this.settings.window(); step <= now + this.settings.window(); step++) {
				if (Ocra.verify(SUITE, seed, OcraInput.builder(question).timestamp(step).build(), candidate)) {
					matched = step;
					break;
				}
			}
			Arrays.fill(seed, (byte) 0);
		}
		if (matched >= 0) {
			boolean first = this.store.recordSignature(token.id(),
					this.secrets.hmac("softtoken-signature", token.id() + ":" + question), matched,
					Instant.ofEpochSecond(matched * 60));
			if (first) {
				this.store.accept(token.id(), token.lastStep());
				this.audit.record(AuditEvent.success("TOKEN_SIGNATURE", subject(userId), client)
					.with("token", token.id().toString()));
				return TokenCheck.ACCEPTED;
			}
		}
		boolean lock = token.failedCodes() + 1 >= this.settings.maxWrongCodes();
		this.store.countFailure(token.id(), lock);
		TokenCheck check = matched >= 0 ? TokenCheck.REPLAYED : TokenCheck.WRONG;
		this.audit.record(AuditEvent.failure("TOKEN_SIGNATURE", subject(userId), client,
				(check == TokenCheck.REPLAYED ? "replayed" : "wrong-code") + (lock ? "-now-locked" : "")));
		return lock ? TokenCheck.LOCKED : check;
	}

	/** Whether the customer's token in use can sign transactions now (a Token digital app's, not locked). */
	public boolean canSign(UUID userId) {
		return this.store.findInUse(userId)
			.filter(token -> "ACTIVE".equals(token.state()) && token.app() == TokenApp.CLAVE_TOKEN)
			.isPresent();
	}

	private static String subject(UUID userId) {
		return "user:" + userId;
	}

}
