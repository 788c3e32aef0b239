package io.clave.otp;

import java.nio.charset.StandardCharsets;

/** The ASCII seeds "1234567890..." of RFC 4226 Appendix D, RFC 6238 Appendix B and RFC 6287 Appendix C. */
final class RfcSeeds {

    static final byte[] KEY20 = ascii("12345678901234567890");
    static final byte[] KEY32 = ascii("12345678901234567890123456789012");
    static final byte[] KEY64 = ascii("1234567890123456789012345678901234567890123456789012345678901234");

    private RfcSeeds() {
    }

    static byte[] forLength(int length) {
        switch (length) {
            case 20:
                return KEY20.clone();
            case 32:
                return KEY32.clone();
            case 64:
                return KEY64.clone();
            default:
                throw new IllegalArgumentException("no RFC seed of " + length + " bytes");
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
