package io.clave.token.cli;

/** The command-line app's exit statuses; clave-token/README.md lists them for scripts. */
enum ExitCode {
    /** Done. */
    OK(0),
    /** Storage or another unexpected failure; the message says what. */
    FAILURE(1),
    /** Unknown command or option, a missing or malformed option value. */
    USAGE(2),
    /** The person's input was refused: no QR code, bad activation text, PINs refused three times, input ended. */
    REFUSED(3),
    /** A wrong PIN, counted; the identity is not locked yet. */
    WRONG_PIN(4),
    /** The identity is locked: the message shows the unlock challenge. */
    LOCKED(5),
    /** The server refused the activation (wrong SMS code out of tries, expired, used). */
    ACTIVATION_REFUSED(6),
    /** The server could not be reached or did not answer as the protocol says. */
    SERVER_FAILURE(7),
    /** No identity by that name, several and no --name, or the name is taken. */
    NO_SUCH_IDENTITY(8);

    final int status;

    ExitCode(int status) {
        this.status = status;
    }
}
