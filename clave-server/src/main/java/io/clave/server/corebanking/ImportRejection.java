package io.clave.server.corebanking;

/**
 * A row the import did not load: its line in the file (the header is line 1), why, and whose it was as the masked
 * cédula (last four digits) when the row had one. Never the card number, never the PIN.
 */
public record ImportRejection(long line, ImportProblem problem, String maskedCedula) {

	/** The last four digits of what looks like a cédula (ten digits); nothing of anything else. */
	static String mask(String cedula) {
		String digits = cedula.strip();
		return digits.matches("\\d{10}") ? "******" + digits.substring(6) : "";
	}

	/** One line of the command's output: {@code line 12: the cédula is not ... (******1234)}. */
	public String describe() {
		return "line " + this.line + ": " + this.problem.text()
				+ (this.maskedCedula.isEmpty() ? "" : " (cédula " + this.maskedCedula + ")");
	}

}
