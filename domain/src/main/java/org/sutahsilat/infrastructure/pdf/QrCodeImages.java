package org.sutahsilat.infrastructure.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Map;

/** QR codes as black-and-white images (ZXing), for printing. */
public final class QrCodeImages {

    /** The quiet zone the QR specification asks for, in modules. */
    public static final int QUIET_ZONE_MODULES = 4;

    private QrCodeImages() {
    }

    /**
     * The QR code of {@code text} (UTF-8, error correction M, a 4-module quiet zone) as a 1-bit image with
     * {@code pixelsPerModule} pixels per module, so that it stays sharp when a viewer scales it without smoothing.
     */
    public static BufferedImage of(String text, int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("pixelsPerModule must be positive");
        }
        BitMatrix matrix;
        try {
            // width and height 0: one pixel per module, the matrix is as small as the content allows
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
        int modules = matrix.getWidth();
        int size = modules * pixelsPerModule;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] white = new int[pixelsPerModule * pixelsPerModule];
        java.util.Arrays.fill(white, 1);
        for (int my = 0; my < modules; my++) {
            for (int mx = 0; mx < modules; mx++) {
                if (!matrix.get(mx, my)) {
                    raster.setPixels(mx * pixelsPerModule, my * pixelsPerModule, pixelsPerModule, pixelsPerModule,
                            white);
                }
            }
        }
        return image;
    }
}
