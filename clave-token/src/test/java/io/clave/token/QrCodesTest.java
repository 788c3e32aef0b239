package io.clave.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCodesTest {

    @TempDir
    Path folder;

    @Test
    void readsBackTheActivationTextOfAPngItWrote() throws IOException {
        Path png = folder.resolve("captura.png");
        QrCodes.writePng(ActivationTextTest.EXAMPLE, 300, png);

        assertThat(QrCodes.read(png)).contains(ActivationTextTest.EXAMPLE);
        assertThat(ActivationText.parse(QrCodes.read(png).orElseThrow()).issuer()).isEqualTo("Banco Clave");
    }

    @Test
    void readsAQrCodeInTheMiddleOfALargerScreenshot() throws IOException {
        Path qr = folder.resolve("qr.png");
        QrCodes.writePng(ActivationTextTest.EXAMPLE, 250, qr);
        BufferedImage page = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        var graphics = page.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, 1024, 768);
        graphics.drawImage(ImageIO.read(qr.toFile()), 400, 200, null);
        graphics.dispose();
        Path screenshot = folder.resolve("page.png");
        ImageIO.write(page, "PNG", screenshot.toFile());

        assertThat(QrCodes.read(screenshot)).contains(ActivationTextTest.EXAMPLE);
    }

    @Test
    void findsNothingInAnImageWithoutAQrCode() throws IOException {
        Path blank = folder.resolve("blank.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "PNG", blank.toFile());

        assertThat(QrCodes.read(blank)).isEmpty();
    }

    @Test
    void saysSoWhenTheFileIsNotAnImage() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.png"), "not a picture");

        assertThatThrownBy(() -> QrCodes.read(text)).isInstanceOf(IOException.class).hasMessageContaining("not an image");
    }
}
