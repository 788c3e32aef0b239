package io.clave.token;

import io.clave.otp.ConstantTime;

/**
 * The rules for a new 4-digit PIN: not four equal digits and not a run of consecutive digits up or down.
 *
 * <p>Runs wrap from 9 to 0 and back: 7890, 8901 and 9012 are refused as runs up, 0987, 1098 and 2109 as runs down.
 * 0 follows 9 on a keyboard's number row and on a phone keypad, so people type 7890 as a run, and PIN studies list it
 * among the most chosen ones. That refuses 20 runs and 10 repeats, 30 of the 10,000 PINs.
 *
 * <p>"Not the previous PIN" is checked by {@link Tokens}, which holds the vault the previous PIN opens.
 */
public final class PinRules {

    public static final int LENGTH = 4;

    /** The format, repeat and run rules, for a PIN typed once. */
    public PinCheck check(String pin) {
        if (pin == null || pin.length() != LENGTH || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return PinCheck.NOT_FOUR_DIGITS;
        }
        if (pin.chars().allMatch(c -> c == pin.charAt(0))) {
            return PinCheck.FOUR_EQUAL_DIGITS;
        }
        if (isRun(pin, 1) || isRun(pin, -1)) {
            return PinCheck.RUN_OF_DIGITS;
        }
        return PinCheck.ACCEPTED;
    }

    /** The rules of {@link #check(String)}, then that the confirmation repeats the PIN. */
    public PinCheck check(String pin, String confirmation) {
        PinCheck check = check(pin);
        if (check != PinCheck.ACCEPTED) {
            return check;
        }
        return confirmation != null && ConstantTime.equals(pin, confirmation)
                ? PinCheck.ACCEPTED
                : PinCheck.CONFIRMATION_DIFFERS;
    }

    private static boolean isRun(String pin, int direction) {
        for (int i = 1; i < pin.length(); i++) {
            int expected = Math.floorMod(pin.charAt(i - 1) - '0' + direction, 10);
            if (pin.charAt(i) - '0' != expected) {
                return false;
            }
        }
        return true;
    }
}
