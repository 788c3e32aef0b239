package io.clave.token;

/** The outcome of checking a new PIN. Only {@link #ACCEPTED} lets the PIN be used. */
public enum PinCheck {
    ACCEPTED,
    NOT_FOUR_DIGITS,
    FOUR_EQUAL_DIGITS,
    RUN_OF_DIGITS,
    SAME_AS_PREVIOUS,
    CONFIRMATION_DIFFERS
}
