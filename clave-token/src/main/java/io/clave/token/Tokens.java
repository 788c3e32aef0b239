package io.clave.token;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's uses of a stored identity: open it with the PIN (counting wrong PINs, locking at three), unlock it with
 * the unlock code, set a new PIN. Every change of the count or the vault is saved before the answer is returned, so
 * a restart does not reset the count.
 */
public final class Tokens {

    private final IdentityStore store;
    private final TokenVault vault;
    private final PinRules pinRules;

    public Tokens(IdentityStore store, TokenVault vault, PinRules pinRules) {
        this.store = Objects.requireNonNull(store, "store");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.pinRules = Objects.requireNonNull(pinRules, "pinRules");
    }

    /**
     * Seals an activated token under a new PIN and stores it as {@code name}.
     *
     * @return {@link PinCheck#ACCEPTED} once stored, or why the PIN was refused
     * @throws IllegalStateException if an identity already has that name
     */
    public PinCheck activate(String name, ActivatedToken token, String pin, String confirmation) throws IOException {
        PinCheck check = pinRules.check(pin, confirmation);
        if (check != PinCheck.ACCEPTED) {
            return check;
        }
        if (!store.create(vault.create(name, token, pin))) {
            throw new IllegalStateException("an identity is already called " + name);
        }
        return PinCheck.ACCEPTED;
    }

    public PinAttempt usePin(Identity identity, String pin) throws IOException {
        if (identity.locked()) {
            return new PinAttempt.Locked(identity.challenge());
        }
        Optional<TokenSecrets> secrets = vault.openWithPin(identity, pin);
        if (secrets.isEmpty()) {
            Identity counted = identity.withWrongPins(identity.wrongPins() + 1);
            store.save(counted);
            return counted.locked()
                    ? new PinAttempt.Locked(counted.challenge())
                    : new PinAttempt.WrongPin(counted.pinsLeft());
        }
        Identity opened = identity;
        if (identity.wrongPins() > 0) {
            opened = identity.withWrongPins(0);
            store.save(opened);
        }
        return new PinAttempt.Opened(opened, secrets.get());
    }

    public UnlockAttempt unlock(Identity identity, String unlockCode) {
        if (!identity.locked()) {
            return new UnlockAttempt.NotLocked();
        }
        return vault.openWithUnlockCode(identity, unlockCode)
                .<UnlockAttempt>map(secrets -> new UnlockAttempt.Unlocked(identity, secrets))
                .orElseGet(() -> new UnlockAttempt.WrongUnlockCode(identity.challenge()));
    }

    /**
     * Replaces the PIN of an identity whose secrets are open (after the current PIN or the unlock code): the rules,
     * then not the previous PIN, which is recognised by opening the current vault with the new PIN (no PIN or PIN
     * hash is stored). Saves a new vault, challenge and recovery copy, with no wrong PINs.
     */
    public PinCheck setNewPin(Identity identity, TokenSecrets secrets, String pin, String confirmation)
            throws IOException {
        PinCheck check = pinRules.check(pin, confirmation);
        if (check != PinCheck.ACCEPTED) {
            return check;
        }
        Optional<TokenSecrets> withNewPin = vault.openWithPin(identity, pin);
        if (withNewPin.isPresent()) {
            withNewPin.get().close();
            return PinCheck.SAME_AS_PREVIOUS;
        }
        store.save(vault.reseal(identity, secrets, pin));
        return PinCheck.ACCEPTED;
    }
}
