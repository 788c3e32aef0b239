package io.clave.token;

import io.clave.otp.Ocra;
import io.clave.otp.OcraInput;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** The codes an open identity gives at the clock's current time (docs/token-protocol.md §3). */
public final class Codes {

    private final Clock clock;

    public Codes(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The login and confirmation code: TOTP with the seed. */
    public CurrentCode current(Identity identity, TokenSecrets secrets) {
        Instant now = clock.instant();
        byte[] seed = secrets.seed();
        try {
            String code = identity.totp().generate(seed, now);
            long period = identity.totp().stepSeconds();
            long elapsed = now.getEpochSecond() - identity.totp().t0().getEpochSecond();
            return new CurrentCode(code, (int) (period - elapsed % period));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The signing code: OCRA with the seed, the transaction's question and the current time step. */
    public String sign(Identity identity, TokenSecrets secrets, Transaction transaction) {
        byte[] seed = secrets.seed();
        try {
            OcraInput input = OcraInput.builder(transaction.question())
                    .timestamp(identity.signingSuite().timestamp(clock.instant()))
                    .build();
            return Ocra.generate(identity.signingSuite(), seed, input);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
