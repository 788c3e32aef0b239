package io.clave.token;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * QR codes in images, with ZXing: reads the activation text from a screenshot of the activation page, and writes one
 * (for tests and for a server that wants the same encoder).
 */
public final class QrCodes {

    private QrCodes() {
    }

    /**
     * The text of the QR code in the image, or empty if the image holds none that can be read.
     *
     * @throws IOException if the file cannot be read or is not an image
     */
    public static Optional<String> read(Path image) throws IOException {
        BufferedImage picture = ImageIO.read(image.toFile());
        if (picture == null) {
            throw new IOException(image + " is not an image this runtime can read (PNG, JPEG, GIF, BMP)");
        }
        return read(picture);
    }

    public static Optional<String> read(BufferedImage picture) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture)));
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, Map.of(
                    DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.CHARACTER_SET, "UTF-8")).getText());
        } catch (ReaderException e) {
            // not found, checksum or format: in each case there is no readable QR code
            return Optional.empty();
        }
    }

    /** A PNG of {@code text} as a QR code of about {@code size} pixels a side, error correction M. */
    public static void writePng(String text, int size, Path file) throws IOException {
        try {
            MatrixToImageWriter.writeToPath(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 4)), "PNG", file);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit in a QR code", e);
        }
    }
}
