package io.clave.server.backoffice;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.clave.otp.Base32;
import io.clave.otp.OtpAuthUri;
import io.clave.otp.SecretGenerator;
import io.clave.otp.Totp;
import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.secrets.Secrets;
import io.clave.server.shared.BankSettings;
import io.clave.server.shared.ClientContext;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's operators: creating one (with a random first password and a new authenticator secret, both shown once,
 * never a default password), replacing an operator's authenticator secret, and looking one up.
 */
@Service
public class Operators {

	/** Purpose of the sealed TOTP secrets ({@link Secrets#encrypt}). */
	static final String TOTP_SECRET_PURPOSE = "operator-totp-secret";

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]");

	/** Letters and digits that cannot be mistaken for each other when read off a terminal. */
	private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final int INITIAL_PASSWORD_LENGTH = 16;

	private final OperatorStore store;

	private final PasswordEncoder passwords;

	private final Secrets secrets;

	private final SecureRandom random;

	private final AuditTrail audit;

	private final BankSettings bank;

	private final BackofficeSettings settings;

	private final Clock clock;

	Operators(OperatorStore store, PasswordEncoder passwords, Secrets secrets, SecureRandom random, AuditTrail audit,
			BankSettings bank, BackofficeSettings settings, Clock clock) {
		this.store = store;
		this.passwords = passwords;
		this.secrets = secrets;
		this.random = random;
		this.audit = audit;
		this.bank = bank;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Creates an operator who must change the returned password at the first login, and whose authenticator app
	 * must be fed the returned key.
	 * @param username kept in lower case
	 * @param roles at least one
	 */
	@Transactional
	public OperatorCreation create(@Nullable String username, @Nullable String displayName,
			@Nullable Collection<OperatorRole> roles, ClientContext client) {
		String canonical = canonical(username);
		if (canonical == null) {
			return refused(OperatorCreation.Problem.USERNAME_INVALID, client);
		}
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty() || name.length() > 100) {
			return refused(OperatorCreation.Problem.NAME_INVALID, client);
		}
		if (roles == null || roles.isEmpty()) {
			return refused(OperatorCreation.Problem.ROLES_INVALID, client);
		}
		if (this.store.usernameTaken(canonical)) {
			return refused(OperatorCreation.Problem.USERNAME_TAKEN, client);
		}
		Set<OperatorRole> roleSet = EnumSet.copyOf(roles);
		UUID id = UUID.randomUUID();
		String password = initialPassword();
		byte[] secret = SecretGenerator.newSecret(this.random, SecretGenerator.RECOMMENDED_BYTES);
		try {
			this.store.create(id, canonical, name, roleSet, this.passwords.encode(password),
					this.secrets.encrypt(TOTP_SECRET_PURPOSE, secret), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			return refused(OperatorCreation.Problem.USERNAME_TAKEN, client);
		}
		this.audit.record(AuditEvent.success("BACKOFFICE_OPERATOR_CREATED", subject(id), client)
			.with("username", canonical)
			.with("roles", roleNames(roleSet)));
		return new OperatorCreation.Created(
				new OperatorEnrolment(id, canonical, name, Set.copyOf(roleSet), password, key(canonical, secret)));
	}

	/**
	 * Gives the operator a new authenticator secret (a lost or replaced phone); the old app's codes stop working.
	 * @return the new key, or empty when there is no such operator
	 */
	@Transactional
	public Optional<AuthenticatorKey> resetAuthenticator(String username, ClientContext client) {
		String canonical = canonical(username);
		Optional<OperatorStore.StoredOperator> operator = canonical == null ? Optional.empty()
				: this.store.lockByUsername(canonical);
		if (operator.isEmpty()) {
			return Optional.empty();
		}
		byte[] secret = SecretGenerator.newSecret(this.random, SecretGenerator.RECOMMENDED_BYTES);
		this.store.replaceTotpSecret(operator.get().id(), this.secrets.encrypt(TOTP_SECRET_PURPOSE, secret));
		this.audit.record(AuditEvent.success("BACKOFFICE_TOTP_RESET", subject(operator.get().id()), client));
		return Optional.of(key(operator.get().username(), secret));
	}

	public Optional<OperatorView> find(UUID id) {
		return this.store.find(id)
			.map(operator -> new OperatorView(operator.id(), operator.username(), operator.displayName(),
					Set.copyOf(operator.roles())));
	}

	/** The issuer authenticator apps show, e.g. {@code Banco Clave Backoffice}. */
	public String issuer() {
		return (this.bank.name() + " " + this.settings.issuerSuffix()).replace(":", "").strip();
	}

	static String subject(UUID operatorId) {
		return "operator:" + operatorId;
	}

	static String roleNames(Set<OperatorRole> roles) {
		return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	/** The username in lower case, or null when it breaks the rules. */
	static @Nullable String canonical(@Nullable String username) {
		if (username == null) {
			return null;
		}
		String lower = username.strip().toLowerCase(Locale.ROOT);
		return USERNAME.matcher(lower).matches() ? lower : null;
	}

	private OperatorCreation refused(OperatorCreation.Problem problem, ClientContext client) {
		this.audit.record(AuditEvent.failure("BACKOFFICE_OPERATOR_CREATED", "operator:none", client,
				problem.name().toLowerCase(Locale.ROOT)));
		return new OperatorCreation.Refused(problem);
	}

	private AuthenticatorKey key(String username, byte[] secret) {
		return new AuthenticatorKey(Base32.encodeWithoutPadding(secret),
				OtpAuthUri.of(issuer(), username, secret, Totp.defaults()).toUriString());
	}

	private String initialPassword() {
		while (true) {
			StringBuilder password = new StringBuilder(INITIAL_PASSWORD_LENGTH);
			for (int i = 0; i < INITIAL_PASSWORD_LENGTH; i++) {
				password.append(PASSWORD_ALPHABET.charAt(this.random.nextInt(PASSWORD_ALPHABET.length())));
			}
			String candidate = password.toString();
			if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
					&& candidate.chars().anyMatch(Character::isDigit)) {
				return candidate;
			}
		}
	}

}
