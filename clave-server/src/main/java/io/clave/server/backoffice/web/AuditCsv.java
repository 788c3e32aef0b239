package io.clave.server.backoffice.web;

import java.util.List;

/**
 * Cells of the audit export as RFC 4180 writes them (a cell holding a comma, a quote or a line break between quotes,
 * its quotes doubled; lines end with CRLF), with formula injection neutralised: a cell a spreadsheet would read as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so that it is shown
 * as text and never run.
 */
final class AuditCsv {

	private AuditCsv() {
	}

	static String line(List<String> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(cell(cells.get(i)));
		}
		return line.append("\r\n").toString();
	}

	static String cell(String value) {
		String text = value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
				|| text.indexOf(';') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
