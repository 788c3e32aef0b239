package io.clave.server.backoffice;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn with UTF-8 half blocks, two modules per character row, as {@code qrencode -t UTF8} draws it: the
 * light modules are the printed blocks, which suits a terminal with light text on a dark background.
 */
final class TerminalQr {

	private static final int QUIET_ZONE = 2;

	private TerminalQr() {
	}

	static String render(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, QUIET_ZONE,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("the text does not fit a QR code", ex);
		}
		StringBuilder out = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y += 2) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				boolean topLight = !matrix.get(x, y);
				boolean bottomLight = y + 1 >= matrix.getHeight() || !matrix.get(x, y + 1);
				out.append(topLight ? (bottomLight ? '█' : '▀') : (bottomLight ? '▄' : ' '));
			}
			out.append('\n');
		}
		return out.toString();
	}

}
